package org.haven.core.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.haven.core.db.jooq.Tables.CASE_FILE;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.haven.core.deletion.PersonDeletion;
import org.haven.core.demo.DemoData;
import org.haven.testing.DatabaseTest;
import org.haven.testing.TestHaven;
import org.junit.jupiter.api.Test;

/**
 * The case list pages by keyset (the next page seeks past the last row shown, the previous one
 * before the first) instead of OFFSET: in every sort order the list offers, both directions, with and
 * without a search word, the pages give exactly the rows of the OFFSET walk in the same order (ties in
 * the sorted column broken by the case number; rows without a name or nationality where the database
 * sorts NULLs); and a case deleted or added between two pages neither repeats nor skips another.
 * Runs on H2 and, in the postgresql execution, on PostgreSQL.
 */
class KeysetPagingTest extends DatabaseTest {
    private static final int PAGE = 7;

    @Test
    void walkingEveryOrderByKeysetGivesTheRowsOfTheOffsetWalkForwardsAndBackwards() {
        new DemoData(haven, 5).generate(60, done -> { });
        var dsl = haven.database().dsl();
        // a few cases without the copied name or nationality (sorted where the database puts NULLs)
        List<String> some = dsl.select(CASE_FILE.CASE_NUMBER).from(CASE_FILE).orderBy(CASE_FILE.CASE_NUMBER).limit(5)
                .fetch(CASE_FILE.CASE_NUMBER);
        dsl.update(CASE_FILE).set(CASE_FILE.PERSON_NAME, (String) null).where(CASE_FILE.CASE_NUMBER.in(some.subList(0, 3))).execute();
        dsl.update(CASE_FILE).set(CASE_FILE.PERSON_NATIONALITY, (String) null).where(CASE_FILE.CASE_NUMBER.in(some.subList(2, 5))).execute();

        for (String text : new String[] {null, "a"}) {
            for (CaseQuery.SortColumn sort : CaseQuery.SortColumn.values()) {
                for (boolean descending : List.of(false, true)) {
                    CaseQuery q = new CaseQuery(text, null, null, null, sort, descending, 0, PAGE);
                    String what = text + " " + sort + (descending ? " desc" : " asc");
                    List<String> byOffset = offsetWalk(q);
                    assertThat(byOffset).as(what).hasSize(haven.cases().count(q));
                    assertThat(byOffset.size()).as(what).isGreaterThan(text == null ? 3 * PAGE : PAGE);

                    List<List<CaseListItem>> pages = new ArrayList<>();
                    List<CaseListItem> page = haven.cases().search(q);
                    while (!page.isEmpty()) {
                        pages.add(page);
                        page = haven.cases().search(q.after(page.getLast().position(), pages.size() * PAGE));
                    }
                    assertThat(numbers(pages)).as(what).isEqualTo(byOffset);

                    // back from the last page: each previous page is the rows right before the first shown
                    List<List<CaseListItem>> back = new ArrayList<>();
                    page = pages.getLast();
                    while (!page.isEmpty()) {
                        back.addFirst(page);
                        page = haven.cases().search(q.before(page.getFirst().position(), 0));
                        assertThat(page.size()).as(what).isLessThanOrEqualTo(PAGE);
                    }
                    assertThat(numbers(back)).as(what + " backwards").isEqualTo(byOffset);
                    assertThat(back.getFirst()).as(what).hasSize(PAGE);
                }
            }
        }
    }

    @Test
    void aCaseDeletedOrAddedBetweenTwoPagesNeitherRepeatsNorSkipsAnother() {
        for (int i = 0; i < 3 * PAGE; i++) register("Nguyen Van " + (char) ('a' + i));
        for (CaseQuery.SortColumn sort : List.of(CaseQuery.SortColumn.CASE_NUMBER, CaseQuery.SortColumn.NAME)) {
            CaseQuery q = new CaseQuery("nguyen", null, null, null, sort, false, 0, PAGE);
            List<CaseListItem> first = haven.cases().search(q);
            List<String> before = offsetWalk(q);

            // the first row shown is deleted and a case is added before the last row shown, then "next"
            CaseListItem gone = first.getFirst();
            new PersonDeletion(haven.database(), haven.session()).deletePersonOfCase(gone.caseId());
            String added = register("Nguyen Van aa" + sort.ordinal()).caseNumber();
            List<String> seen = new ArrayList<>(first.stream().map(CaseListItem::caseNumber).toList());
            List<CaseListItem> page = haven.cases().search(q.after(first.getLast().position(), PAGE));
            while (!page.isEmpty()) {
                page.forEach(i -> seen.add(i.caseNumber()));
                page = haven.cases().search(q.after(page.getLast().position(), seen.size()));
            }

            assertThat(new HashSet<>(seen)).as(sort + ": nothing twice").hasSize(seen.size());
            List<String> expected = new ArrayList<>(before);
            List<String> now = offsetWalk(q);
            // every case of the old walk is there (the deleted one on the page already shown), and the
            // added one exactly where the list now has it: after the first page, or before it (not shown)
            assertThat(seen).as(sort.name()).containsAll(expected);
            assertThat(seen.subList(PAGE, seen.size())).as(sort.name()).isEqualTo(now.subList(now.indexOf(first.getLast().caseNumber()) + 1, now.size()));
            assertThat(seen.contains(added)).as(sort.name()).isEqualTo(now.indexOf(added) > now.indexOf(first.getLast().caseNumber()));
        }
    }

    private List<String> offsetWalk(CaseQuery q) {
        List<String> all = new ArrayList<>();
        for (int offset = 0; ; offset += PAGE) {
            List<CaseListItem> page = haven.cases().search(q.page(offset, PAGE));
            page.forEach(i -> all.add(i.caseNumber()));
            if (page.size() < PAGE) return all;
        }
    }

    private static List<String> numbers(List<List<CaseListItem>> pages) {
        return pages.stream().flatMap(List::stream).map(CaseListItem::caseNumber).toList();
    }

    private CaseFile register(String name) {
        return haven.cases().register(TestHaven.newCase(TestHaven.person(name, null)));
    }
}
