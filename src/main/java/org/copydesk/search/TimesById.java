package org.copydesk.search;

import java.util.Arrays;

/**
 * Each public story's publication time (microseconds since the epoch) by id, for {@link PublicOrder}: an array
 * indexed by id, in pages of {@link #PAGE} ids. Never changed once made: an edit copies the list of pages and
 * the pages it writes to, and shares the others with the times it was made from.
 */
final class TimesById {

    /** The time of a story that is not public. */
    static final long NONE = Long.MIN_VALUE;
    static final int PAGE_BITS = 10;
    static final int PAGE = 1 << PAGE_BITS;

    static final TimesById EMPTY = new TimesById(new long[0][]);

    /** Pages by id / PAGE; null where no story of the page is public. */
    private final long[][] pages;

    private TimesById(long[][] pages) {
        this.pages = pages;
    }

    long get(int id) {
        return get(pages, id);
    }

    private static long get(long[][] pages, int id) {
        int page = id >>> PAGE_BITS;
        return page < pages.length && pages[page] != null ? pages[page][id & (PAGE - 1)] : NONE;
    }

    Editor edit() {
        return new Editor(pages);
    }

    /** Changes to a copy: each page written to is copied once (the first time), the others shared. */
    static final class Editor {
        private long[][] pages;
        private boolean[] copied;

        private Editor(long[][] pages) {
            this.pages = pages.clone();
            this.copied = new boolean[pages.length];
        }

        long get(int id) {
            return TimesById.get(pages, id);
        }

        void set(int id, long micros) {
            if (id < 0) {
                throw new IllegalArgumentException("A story id below zero: " + id);
            }
            int page = id >>> PAGE_BITS;
            if (page >= pages.length) {
                if (micros == NONE) {
                    return;
                }
                // Room for the next ids too, so that a sequence's new stories do not copy the list each time.
                int length = Math.max(page + 1, pages.length + pages.length / 8 + 1);
                pages = Arrays.copyOf(pages, length);
                copied = Arrays.copyOf(copied, length);
            }
            if (!copied[page]) {
                pages[page] = pages[page] == null ? emptyPage() : pages[page].clone();
                copied[page] = true;
            }
            pages[page][id & (PAGE - 1)] = micros;
        }

        private static long[] emptyPage() {
            long[] page = new long[PAGE];
            Arrays.fill(page, NONE);
            return page;
        }

        TimesById made() {
            copied = new boolean[pages.length]; // edited further, the pages given away are copied again
            return new TimesById(pages.clone());
        }
    }
}
