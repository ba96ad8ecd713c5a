package org.muster.canvass;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A canvassing script: an introduction to read, then numbered questions whose answers may set the support level,
 * add a tag and jump ahead. Written and stored as text, one line each:
 * <pre>
 * Hi, I'm a volunteer with Friends of Ada.      (lines before the first question: the introduction)
 * Q: Will you vote for Ada?
 * - Yes, definitely [support=1, tag=supporter]
 * - Undecided [support=3] -&gt; 3                 (jump to question 3)
 * - No [support=5] -&gt; end                       (end of the script)
 * Q: Would you take a yard sign?
 * - Yes [tag=yard-sign]
 * - No
 * </pre>
 * Jumps only go forward, so every path through a script ends. Questions and answers are numbered from 1.
 */
public record Script(String intro, List<Question> questions) {

    static final int MAX_LINE = 500;
    private static final Pattern ANSWER = Pattern.compile("-\\s*([^\\[]*?)\\s*(?:\\[([^\\]]*)\\])?\\s*(?:->\\s*(\\S+))?");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_.:-]{1,60}");

    /** One answer; {@code next} is the question to go to (1-based), 0 for the end, or null for the following one. */
    public record Answer(String label, Integer supportLevel, String tag, Integer next) {

        /** The label with where it leads, as printed on walk sheets: "No (end)", "Undecided (go to 3)". */
        public String printed() {
            return label + (next == null ? "" : next == 0 ? " (end)" : " (go to " + next + ")");
        }
    }

    public record Question(String prompt, List<Answer> answers) {
    }

    public Script {
        questions = List.copyOf(questions);
    }

    /** Parses the text form; the message of the exception names the line and what is wrong with it. */
    public static Script parse(String text) {
        StringBuilder intro = new StringBuilder();
        List<String> prompts = new ArrayList<>();
        List<List<Answer>> answers = new ArrayList<>();
        String[] lines = text == null ? new String[0] : text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            int no = i + 1;
            if (line.length() > MAX_LINE) throw error(no, "is longer than " + MAX_LINE + " characters");
            if (line.isEmpty() || line.startsWith("#")) continue;
            if (line.regionMatches(true, 0, "Q:", 0, 2)) {
                String prompt = line.substring(2).strip();
                if (prompt.isEmpty()) throw error(no, "has a question without text");
                prompts.add(prompt);
                answers.add(new ArrayList<>());
            } else if (line.startsWith("-")) {
                if (prompts.isEmpty()) throw error(no, "has an answer before the first question (start one with 'Q:')");
                answers.getLast().add(answer(line, no, prompts.size()));
            } else if (prompts.isEmpty()) {
                intro.append(intro.isEmpty() ? "" : "\n").append(line);
            } else {
                throw error(no, "is neither a question ('Q: ...') nor an answer ('- ...')");
            }
        }
        if (prompts.isEmpty()) throw new IllegalArgumentException("A script needs at least one question ('Q: ...').");
        List<Question> questions = new ArrayList<>();
        for (int q = 0; q < prompts.size(); q++) {
            if (answers.get(q).size() < 2) {
                throw new IllegalArgumentException("Question " + (q + 1) + " (" + prompts.get(q) + ") needs at least two answers.");
            }
            for (Answer a : answers.get(q)) {
                if (a.next() != null && a.next() > prompts.size()) {
                    throw new IllegalArgumentException("Question " + (q + 1) + ", answer '" + a.label() + "' jumps to question "
                            + a.next() + " but the script has " + prompts.size() + ".");
                }
            }
            questions.add(new Question(prompts.get(q), answers.get(q)));
        }
        return new Script(intro.toString(), questions);
    }

    private static IllegalArgumentException error(int line, String problem) {
        return new IllegalArgumentException("Line " + line + " " + problem + ".");
    }

    private static Answer answer(String line, int no, int question) {
        Matcher m = ANSWER.matcher(line);
        if (!m.matches() || m.group(1).isEmpty()) throw error(no, "is not an answer of the form '- label [support=N, tag=x] -> N'");
        Integer support = null;
        String tag = null;
        if (m.group(2) != null) {
            for (String option : m.group(2).split(",")) {
                String[] kv = option.strip().split("=", 2);
                if (kv.length != 2) throw error(no, "has an option '" + option.strip() + "' without '='");
                String key = kv[0].strip().toLowerCase(Locale.ROOT);
                String value = kv[1].strip();
                switch (key) {
                    case "support" -> {
                        if (!value.matches("[1-5]")) throw error(no, "has support=" + value + "; the level is 1 (strong support) to 5 (strong opposition)");
                        support = Integer.parseInt(value);
                    }
                    case "tag" -> {
                        if (!TAG.matcher(value).matches()) throw error(no, "has tag=" + value + "; a tag is 1-60 letters, digits or _.:-");
                        tag = value;
                    }
                    default -> throw error(no, "has an unknown option '" + key + "' (support or tag)");
                }
            }
        }
        Integer next = null;
        if (m.group(3) != null) {
            String target = m.group(3);
            if (target.equalsIgnoreCase("end")) {
                next = 0;
            } else if (target.matches("\\d{1,3}") && Integer.parseInt(target) > question) {
                next = Integer.parseInt(target);
            } else {
                throw error(no, "jumps to '" + target + "'; a jump goes to a later question number or to 'end'");
            }
        }
        return new Answer(m.group(1), support, tag, next);
    }

    /**
     * Checks answers (question number to answer number) against the script and its branching: every answered
     * question exists, the answer exists, and the question is on the path the earlier answers lead to.
     * Questions may be left unanswered (the person would not say).
     */
    public void check(Map<Integer, Integer> answers) {
        Map<Integer, Integer> left = new LinkedHashMap<>(answers);
        int q = 1;
        while (q >= 1 && q <= questions.size()) {
            Integer a = left.remove(q);
            Integer next = null;
            if (a != null) {
                List<Answer> options = questions.get(q - 1).answers();
                if (a < 1 || a > options.size()) {
                    throw new IllegalArgumentException("question " + q + " has no answer " + a + " (it has " + options.size() + ")");
                }
                next = options.get(a - 1).next();
            }
            q = next == null ? q + 1 : next;
        }
        if (!left.isEmpty()) {
            throw new IllegalArgumentException("question " + left.keySet().iterator().next()
                    + " is not in the script or was skipped by an earlier answer");
        }
    }

    /** The support level the answers give (the last one that sets it), or null. */
    public Integer supportLevel(Map<Integer, Integer> answers) {
        Integer level = null;
        for (Answer a : chosen(answers)) if (a.supportLevel() != null) level = a.supportLevel();
        return level;
    }

    /** The tags the answers add, in question order. */
    public List<String> tags(Map<Integer, Integer> answers) {
        return chosen(answers).stream().map(Answer::tag).filter(t -> t != null).distinct().toList();
    }

    /** "Q1 prompt: answer; ..." for the person's timeline. */
    public String summary(Map<Integer, Integer> answers) {
        StringBuilder out = new StringBuilder();
        answers.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            Question q = questions.get(e.getKey() - 1);
            out.append(out.isEmpty() ? "" : "; ").append(q.prompt()).append(" ").append(q.answers().get(e.getValue() - 1).label());
        });
        return out.toString();
    }

    private List<Answer> chosen(Map<Integer, Integer> answers) {
        return answers.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> questions.get(e.getKey() - 1).answers().get(e.getValue() - 1)).toList();
    }
}
