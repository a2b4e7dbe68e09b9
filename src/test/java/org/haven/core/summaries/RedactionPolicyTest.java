package org.haven.core.summaries;

import static org.assertj.core.api.Assertions.assertThat;

import org.haven.core.summaries.RedactionPolicy.Withheld;
import org.junit.jupiter.api.Test;

class RedactionPolicyTest {
    @Test
    void internalShowsEverything() {
        RedactionPolicy p = RedactionPolicy.forAudience(Audience.INTERNAL);
        assertThat(p.names() && p.aliases() && p.documentNumber() && p.contacts() && p.notes() && p.exactBirthDate()).isTrue();
        assertThat(p.isRedacted()).isFalse();
    }

    @Test
    void externalPartnerGetsNoIdentityNoContactsNoNotesAndAnAgeInsteadOfTheBirthDate() {
        RedactionPolicy p = RedactionPolicy.forAudience(Audience.EXTERNAL);
        assertThat(p.withheld()).containsExactly(Withheld.NAMES, Withheld.ALIASES, Withheld.DOCUMENT_NUMBER,
                Withheld.CONTACTS, Withheld.NOTES, Withheld.BIRTH_DATE);
    }

    @Test
    void courtGetsIdentityButNoContactsAndNoNotes() {
        RedactionPolicy p = RedactionPolicy.forAudience(Audience.COURT);
        assertThat(p.names()).isTrue();
        assertThat(p.aliases()).isTrue();
        assertThat(p.documentNumber()).isTrue();
        assertThat(p.exactBirthDate()).isTrue();
        assertThat(p.withheld()).containsExactly(Withheld.CONTACTS, Withheld.NOTES);
    }

    @Test
    void everyAudienceHasAPolicy() {
        for (Audience a : Audience.values()) assertThat(RedactionPolicy.forAudience(a).audience()).isEqualTo(a);
    }
}
