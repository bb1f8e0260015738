package de.gremium.command.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.gremium.events.group.Department;
import de.gremium.events.group.GroupConstituted;
import de.gremium.events.group.GroupId;
import de.gremium.events.group.MemberAppointed;
import de.gremium.events.group.MemberId;
import de.gremium.events.group.MemberWithdrew;
import de.gremium.platform.refusal.Refusal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who may contribute, as the group's facts tell the edges of reports, ideas, objections and polls. */
class GroupFactsTest {

    private static final GroupId G = GroupId.PROJEKTGRUPPE_INTEGRATION;
    private static final Instant T = Instant.parse("2026-01-07T09:00:00Z");
    private static final MemberId ANNA = new MemberId("anna.amt50");

    private static WorkingGroup constitutedWithAnna() {
        WorkingGroup group = new WorkingGroup();
        group.on(new GroupConstituted(G, "Projektgruppe Integration",
                List.of(new Department("Dezernat V", List.of("Amt 50"))), "system", T));
        group.on(new MemberAppointed(G, ANNA, "Anna Becker", "Amt 50", "koordinator", T, null));
        return group;
    }

    @Test
    void anAppointedMemberContributes() {
        assertThatCode(() -> constitutedWithAnna().facts().requireMember(ANNA)).doesNotThrowAnyException();
    }

    @Test
    void aMemberWhoWithdrewIsForbiddenToContributeAndToldWhy() {
        WorkingGroup group = constitutedWithAnna();
        group.on(new MemberWithdrew(G, ANNA, "Wechsel ins Amt 51", "anna.amt50", T.plusSeconds(60)));

        assertThat(group.facts().hasWithdrawn(ANNA)).isTrue();
        assertThatThrownBy(() -> group.facts().requireMember(ANNA))
                .isInstanceOf(Refusal.Forbidden.class)
                .hasMessageContaining("anna.amt50 is not an appointed member of the group any more: they withdrew");
    }

    @Test
    void aMemberAppointedAgainAfterWithdrawingContributesAgain() {
        WorkingGroup group = constitutedWithAnna();
        group.on(new MemberWithdrew(G, ANNA, "", "koordinator", T.plusSeconds(60)));
        group.on(new MemberAppointed(G, ANNA, "Anna Becker", "Amt 50", "koordinator", T.plusSeconds(120), null));

        assertThat(group.facts().hasWithdrawn(ANNA)).isFalse();
        assertThatCode(() -> group.facts().requireMember(ANNA)).doesNotThrowAnyException();
    }

    @Test
    void someoneNeverAppointedIsForbiddenAsNotAMember() {
        assertThatThrownBy(() -> constitutedWithAnna().facts().requireMember(new MemberId("nie.ernannt")))
                .isInstanceOf(Refusal.Forbidden.class)
                .hasMessageContaining("nie.ernannt is not an appointed member of the group;");
    }
}
