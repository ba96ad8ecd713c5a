/**
 * Segments: a filter language over people, evaluated by two executors with identical results — SQL compiled by
 * {@code org.muster.store.SegmentSql} (SQLite and PostgreSQL) and the in-memory {@link org.muster.segment.SegmentIndex}
 * of RoaringBitmaps kept current from the outbox.
 *
 * <h2>Grammar</h2>
 * Keywords are case-insensitive; a value is a bare word (letters, digits and {@code _-./:@+}) or a double-quoted
 * string with {@code \"} and {@code \\} escapes. {@code and} binds tighter than {@code or}.
 * <pre>
 * filter    := or
 * or        := and ( "or" and )*
 * and       := unary ( "and" unary )*
 * unary     := "not" unary | "(" or ")" | clause
 * clause    := "tag" "(" value ")"
 *            | district set                    district := precinct | ward | county | municipality
 *                                                        | congressional_district | state_senate_district | state_house_district
 *            | "party" set                       (upper-cased: party = dem is party = DEM)
 *            | "age" cmp INT                     (current year minus birth year, from the evaluation date)
 *            | "birth_year" cmp INT
 *            | "support" cmp INT                 (1 strong support .. 5 strong opposition)
 *            | "household_size" cmp INT          (1 without a household)
 *            | "voted" "(" election [ "," method ] ")"
 *            | "votes" "(" "last" INT ")" cmp INT   (how many of the campaign's last N election dates the person voted on)
 *            | "contacted" "(" INT "d" [ "," type ] ")"   (a timeline activity, of that type if given, since the
 *                                                          start of the UTC day N days before today; being
 *                                                          added to the database is not one)
 *            | "consent" "(" channel ")"         (the newest consent entry for the channel is GRANTED)
 *            | "field" "(" name ")" set          (custom field value, exact text)
 *            | "segment" "(" name ")"            (a saved segment's filter, see {@link org.muster.segment.SegmentResolver})
 *            | "score" "(" name ")" cmp NUMBER   (a model score, e.g. score(turnout) &gt;= 0.7)
 *            | "within" "(" NUMBER "," NUMBER "," NUMBER "km" ")"      (a geocoded address within the radius of lat, lon)
 *            | "within" "(" "polygon" point ( "," point )+ ")"      (point := lat lon; inside by the even-odd rule)
 *            | "donated" "(" [ "amount" cmp AMOUNT ] [ "," ] [ "since" when ] ")"
 *                                                (one donation meeting both: amount in dollars, cents allowed)
 *            | "attended" "(" ( "any" | event ) [ "," "since" when ] ")"   (status attended; event by exact name,
 *                                                                           starting on or after the time)
 *            | ( "opened" | "clicked" | "replied" ) "(" INT "d" ")"   (activity email.open / email.click or sms.click / sms.reply or email.reply)
 *            | "split" "(" SEED "," INT "%" "," INT "%" ")"  (reproducible random share: bucket 0..99 of the person id
 *                                                           and seed in [from, to); see Filter.Split#bucket)
 * when      := YYYY-MM-DD | INT "d"
 * set       := "=" value | "in" "(" value ( "," value )* ")"
 * cmp       := "=" | "!=" | "&lt;" | "&lt;=" | "&gt;" | "&gt;="
 * election  := YYYY-MM-DD | YYYY-kind | "exact election name"
 *              (YYYY-kind: any election that year whose name ends with the kind, e.g. 2020-general)
 * </pre>
 * A clause on a missing value (no birth year, no support level) is false, and {@code not} is its complement among
 * the campaign's people, so {@code support >= 4 or not support >= 4} is everyone.
 */
package org.muster.segment;
