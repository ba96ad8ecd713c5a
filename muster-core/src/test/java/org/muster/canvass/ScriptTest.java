package org.muster.canvass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ScriptTest {

    private final Script script = Script.parse(CanvassFixtures.SCRIPT);

    @Test
    void parsesIntroQuestionsOptionsAndJumps() {
        assertThat(script.intro()).isEqualTo("Hi, I'm a volunteer with Friends of Ada.");
        assertThat(script.questions()).hasSize(3);
        assertThat(script.questions().getFirst().answers()).containsExactly(
                new Script.Answer("Yes, definitely", 1, "supporter", 2),
                new Script.Answer("Undecided", 3, null, 3),
                new Script.Answer("No", 5, null, 0));
        assertThat(script.questions().get(1).answers().get(1)).isEqualTo(new Script.Answer("No", null, null, 0));
    }

    @Test
    void answersFollowTheBranching() {
        Map<Integer, Integer> supporter = Map.of(1, 1, 2, 1);
        script.check(supporter);
        assertThat(script.supportLevel(supporter)).isEqualTo(1);
        assertThat(script.tags(supporter)).containsExactly("supporter", "yard-sign");
        assertThat(script.summary(supporter)).isEqualTo("Will you vote for Ada? Yes, definitely; Would you take a yard sign? Yes");
        script.check(Map.of(1, 2, 3, 1));
        script.check(Map.of());

        assertThatThrownBy(() -> script.check(Map.of(1, 3, 2, 1))).hasMessageContaining("question 2 is not in the script or was skipped");
        assertThatThrownBy(() -> script.check(Map.of(1, 2, 2, 1))).hasMessageContaining("question 2");
        assertThatThrownBy(() -> script.check(Map.of(1, 4))).hasMessage("question 1 has no answer 4 (it has 3)");
        assertThatThrownBy(() -> script.check(Map.of(7, 1))).hasMessageContaining("question 7");
    }

    @Test
    void badScriptsNameTheLine() {
        assertThatThrownBy(() -> Script.parse("Q: A?\n- yes [support=9]\n- no")).hasMessageStartingWith("Line 2 has support=9");
        assertThatThrownBy(() -> Script.parse("Q: A?\n- yes -> 1\n- no")).hasMessageStartingWith("Line 2 jumps to '1'");
        assertThatThrownBy(() -> Script.parse("Q: A?\n- yes -> 5\n- no")).hasMessageContaining("jumps to question 5 but the script has 1");
        assertThatThrownBy(() -> Script.parse("- yes")).hasMessageStartingWith("Line 1 has an answer before the first question");
        assertThatThrownBy(() -> Script.parse("Q: A?\n- only one")).hasMessageContaining("needs at least two answers");
        assertThatThrownBy(() -> Script.parse("Q: A?\n- a\n- b\nstray text")).hasMessageStartingWith("Line 4 is neither");
        assertThatThrownBy(() -> Script.parse("Q: A?\n- a [colour=red]\n- b")).hasMessageContaining("unknown option 'colour'");
        assertThatThrownBy(() -> Script.parse("just an intro")).hasMessageContaining("at least one question");
    }

    @Test
    void walkOrderIsStreetThenHouseNumber() {
        var keys = new java.util.ArrayList<>(java.util.List.of(
                WalkOrder.key("10 ELM ST", null, "a"), WalkOrder.key("9 ELM ST", null, "b"),
                WalkOrder.key("2 ASH AVE", null, "c"), WalkOrder.key(null, null, "d"), WalkOrder.key("9 ELM ST", "APT 2", "e")));
        keys.sort(WalkOrder.ORDER);
        assertThat(keys).extracting(WalkOrder.Key::name).containsExactly("c", "b", "e", "a", "d");
    }
}
