package org.haven.core.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.haven.core.exports.KAnonymizer.Published;
import org.haven.core.exports.KAnonymizer.Step;
import org.haven.core.exports.KAnonymizer.Subject;
import org.haven.core.people.Sex;
import org.junit.jupiter.api.Test;

class KAnonymizerTest {
    private static final YearMonth MARCH = YearMonth.of(2025, 3);

    private static Subject s(int age, Sex sex, String nat, String province, YearMonth ym) {
        return new Subject(AgeBand.of(age), sex, nat, province, ym);
    }

    private static List<Subject> copies(int n, Subject s) {
        List<Subject> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(s);
        return out;
    }

    @Test
    void ageBandsFollowTheBrief() {
        assertThat(AgeBand.of(0).label()).isEqualTo("0-8");
        assertThat(AgeBand.of(8).label()).isEqualTo("0-8");
        assertThat(AgeBand.of(9).label()).isEqualTo("9-17");
        assertThat(AgeBand.of(17).label()).isEqualTo("9-17");
        assertThat(AgeBand.of(18).label()).isEqualTo("18-20");
        assertThat(AgeBand.of(29).label()).isEqualTo("27-29");
        assertThat(AgeBand.of(30).label()).isEqualTo("30-38");
        assertThat(AgeBand.of(47).label()).isEqualTo("39-47");
        assertThat(AgeBand.of(48).label()).isEqualTo("48+");
        assertThat(AgeBand.of(null).label()).isEqualTo("Unknown");
        assertThat(AgeBand.of(25).wide()).isEqualTo("18-29");
        assertThat(AgeBand.of(5).wide()).isEqualTo("0-17");
    }

    @Test
    void regionsComeFromCldrContainment() {
        assertThat(Regions.subRegion("VN")).isEqualTo("Southeast Asia");
        assertThat(Regions.subRegion("cn")).isEqualTo("Eastern Asia");
        assertThat(Regions.subRegion("BD")).isEqualTo("Southern Asia");
        assertThat(Regions.subRegion("KE")).isEqualTo("Eastern Africa");
        assertThat(Regions.region("KE")).isEqualTo("Africa");
        assertThat(Regions.region("TW")).isEqualTo("Asia");
        assertThat(Regions.subRegion(null)).isEqualTo("Unknown");
        assertThat(Regions.subRegion("ZZ")).isEqualTo("Other");
        // Every Asian code lands in Asia, and codes that are not territories are "Other".
        assertThat(Regions.subRegion("142")).isEqualTo("Other");
        assertThat(Regions.subRegion("QQ")).isEqualTo("Other");
        assertThat(Regions.region("MX")).isEqualTo("Americas");
        assertThat(Regions.subRegion("GB")).isEqualTo("Northern Europe");
        for (String code : List.of("BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "TL", "VN", "JP", "KR", "KP", "MN",
                "AF", "IN", "IR", "NP", "PK", "LK", "KZ", "UZ", "TR", "SA", "AE")) {
            assertThat(Regions.region(code)).as(code).isEqualTo("Asia");
        }
    }

    @Test
    void commonGroupsKeepFullDetail() {
        List<Subject> rows = copies(6, s(25, Sex.FEMALE, "VN", "Kandal", MARCH));
        KAnonymizer.Result r = KAnonymizer.anonymize(rows, 5);
        assertThat(r.suppressed()).isZero();
        assertThat(r.generalized()).isEmpty();
        assertThat(r.kReached()).isEqualTo(6);
        assertThat(r.rows().get(0)).isEqualTo(new Published("24-26", "Female", "VN", "Kandal", 2025, "03"));
    }

    @Test
    void differentMonthsFirstMergeIntoTheYear() {
        List<Subject> rows = new ArrayList<>();
        for (int m = 1; m <= 5; m++) rows.add(s(25, Sex.MALE, "VN", "Kandal", YearMonth.of(2025, m)));
        KAnonymizer.Result r = KAnonymizer.anonymize(rows, 5);
        assertThat(r.generalized()).containsOnlyKeys(Step.MONTH_TO_YEAR);
        assertThat(r.rows()).allMatch(p -> p.month().isEmpty() && p.citizenship().equals("VN"));
        assertThat(r.kReached()).isEqualTo(5);
    }

    @Test
    void rareNationalityBecomesItsRegionWhileCommonOnesStay() {
        List<Subject> rows = new ArrayList<>(copies(8, s(25, Sex.MALE, "VN", "Kandal", MARCH)));
        rows.addAll(copies(3, s(25, Sex.MALE, "TH", "Kandal", MARCH)));
        rows.addAll(copies(2, s(25, Sex.MALE, "LA", "Kandal", MARCH)));
        KAnonymizer.Result r = KAnonymizer.anonymize(rows, 5);
        assertThat(r.suppressed()).isZero();
        assertThat(r.rows()).filteredOn(p -> p.citizenship().equals("VN")).hasSize(8);
        assertThat(r.rows()).filteredOn(p -> p.citizenship().equals("Southeast Asia")).hasSize(5);
        assertThat(r.generalized()).containsEntry(Step.CITIZENSHIP_TO_SUBREGION, 5);
    }

    @Test
    void aloneEvenAfterEveryStepIsSuppressed() {
        List<Subject> rows = new ArrayList<>(copies(10, s(25, Sex.MALE, "VN", "Kandal", MARCH)));
        rows.add(s(60, Sex.TRANSGENDER_NONCONFORMING, "BR", "Kampot", YearMonth.of(2024, 1)));
        KAnonymizer.Result r = KAnonymizer.anonymize(rows, 5);
        assertThat(r.suppressed()).isEqualTo(1);
        assertThat(r.rows().get(10)).isNull();
        assertThat(r.exported()).isEqualTo(10);
        assertThat(r.generalized()).containsKeys(Step.values());
    }

    @Test
    void kBelowFiveIsRefused() {
        assertThatThrownBy(() -> KAnonymizer.anonymize(List.of(), 4)).isInstanceOf(IllegalArgumentException.class);
        assertThat(KAnonymizer.anonymize(List.of(), 5).kReached()).isZero();
    }

    /** Property: over many random, skewed and tiny datasets every published combination occurs at least k times. */
    @Test
    void everyPublishedCombinationOccursAtLeastKTimes() {
        String[] nats = {"VN", "VN", "VN", "CN", "CN", "ID", "KH", "TH", "LA", "MM", "PH", "BD", "KE", "BR", null};
        String[] provinces = {"Kandal", "Kandal", "Preah Sihanouk", "Koh Kong", "Kampot", null};
        for (int seed = 0; seed < 300; seed++) {
            Random rnd = new Random(seed);
            int n = seed % 10 == 0 ? rnd.nextInt(6) : rnd.nextInt(seed % 3 == 0 ? 40 : 600);
            int skew = 1 + rnd.nextInt(nats.length);
            List<Subject> rows = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                rows.add(new Subject(rnd.nextInt(20) == 0 ? AgeBand.UNKNOWN : AgeBand.of(rnd.nextInt(70)),
                        Sex.values()[rnd.nextInt(10) < 8 ? rnd.nextInt(2) : rnd.nextInt(4)],
                        nats[rnd.nextInt(skew)], provinces[rnd.nextInt(provinces.length)],
                        YearMonth.of(2023 + rnd.nextInt(3), 1 + rnd.nextInt(12))));
            }
            for (int k : new int[] {5, 11, 5 + rnd.nextInt(20)}) {
                KAnonymizer.Result r = KAnonymizer.anonymize(rows, k);
                Map<Published, Integer> sizes = KAnonymizer.groupSizes(r.rows());
                assertThat(sizes.values()).as("seed %d k %d", seed, k).allMatch(size -> size >= k);
                assertThat(r.rows()).hasSize(n);
                assertThat(r.exported() + r.suppressed()).isEqualTo(n);
                int smallest = sizes.values().stream().mapToInt(Integer::intValue).min().orElse(0);
                assertThat(r.kReached()).isEqualTo(smallest);
                // Generalization never changes the year, and keeps country codes for common groups only.
                for (int i = 0; i < n; i++) {
                    Published p = r.rows().get(i);
                    if (p != null) assertThat(p.year()).isEqualTo(rows.get(i).identified().getYear());
                }
                assertThat(r.rows().stream().filter(Objects::nonNull).count()).isEqualTo(r.exported());
            }
        }
    }
}
