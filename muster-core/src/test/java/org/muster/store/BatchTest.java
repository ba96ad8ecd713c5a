package org.muster.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BatchTest {

    private static final Table<Record> T = table(name("batch_probe"));
    private static final Field<Long> ID = field(name("batch_probe", "id"), SQLDataType.BIGINT);
    private static final Field<Long> N = field(name("batch_probe", "n"), SQLDataType.BIGINT);
    private static final Field<Integer> I = field(name("batch_probe", "i"), SQLDataType.INTEGER);
    private static final Field<LocalDate> D = field(name("batch_probe", "d"), SQLDataType.LOCALDATE);
    private static final Field<Double> X = field(name("batch_probe", "x"), SQLDataType.DOUBLE);
    private static final Field<Boolean> B = field(name("batch_probe", "b"), SQLDataType.BOOLEAN);
    private static final Field<String> S = field(name("batch_probe", "s"), SQLDataType.CLOB);

    static Stream<Named<Supplier<Database>>> databases() {
        return TestDatabases.both();
    }

    private record Row(long id, Long n, Integer i, LocalDate d, Double x, Boolean b, String s) {
    }

    /** Enough rows for PostgreSQL's COPY path, with text that needs escaping and more than one 64 KiB chunk. */
    private static List<Row> rows() {
        List<String> texts = List.of("plain", "tab\there", "new\nline", "carriage\rreturn", "back\\slash \\N",
                "", "é ü ß", "€ ✓ 中文", "emoji 😀 𝄞", "x".repeat(70_000) + "€", "\\", "end\\");
        List<Row> rows = new ArrayList<>();
        for (int k = 0; k < 200; k++) {
            boolean nulls = k % 7 == 3;
            rows.add(new Row(k, nulls ? null : (k % 2 == 0 ? -1L : 1L) * k * 1_000_000_007L,
                    nulls ? null : (k % 3 == 0 ? Integer.MIN_VALUE + k : k), nulls ? null : LocalDate.of(1900 + k, 1 + k % 12, 1 + k % 28),
                    nulls ? null : (k + 1) * -0.125, nulls ? null : k % 2 == 0, nulls ? null : texts.get(k % texts.size())));
        }
        rows.add(new Row(1_000, Long.MIN_VALUE, Integer.MAX_VALUE, null, 1e-300, true, "last"));
        return rows;
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aRejectedRowFailsTheWholeBatchAndTheDatabaseCarriesOn(Supplier<Database> open) {
        try (Database db = open.get()) {
            db.dsl().createTable(T).columns(ID, S).primaryKey(ID).execute();
            assertThatThrownBy(() -> db.dsl().transaction(cfg -> {
                Batch batch = new Batch(cfg.dsl(), T, ID, S);
                for (int k = 0; k < 5_000; k++) batch.add((long) k % 4_999, "row " + k);
                batch.execute();
            })).isInstanceOf(DataAccessException.class);
            assertThat(db.dsl().fetchCount(T)).isZero();

            db.dsl().transaction(cfg -> {
                Batch batch = new Batch(cfg.dsl(), T, ID, S);
                for (int k = 0; k < 100; k++) batch.add((long) k, "row " + k);
                batch.execute();
            });
            assertThat(db.dsl().fetchCount(T)).isEqualTo(100);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void writesEveryValueAsItWasGiven(Supplier<Database> open) {
        try (Database db = open.get()) {
            db.dsl().createTable(T).columns(ID, N, I, D, X, B, S).execute();
            List<Row> rows = rows();
            db.dsl().transaction(cfg -> {
                Batch batch = new Batch(cfg.dsl(), T, ID, N, I, D, X, B, S);
                for (Row r : rows) batch.add(r.id(), r.n(), r.i(), r.d(), r.x(), r.b(), r.s());
                batch.execute();
            });

            assertThat(db.dsl().select(ID, N, I, D, X, B, S).from(T).orderBy(ID)
                    .fetch(r -> new Row(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7())))
                    .containsExactlyElementsOf(rows);
        }
    }
}
