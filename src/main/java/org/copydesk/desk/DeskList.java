package org.copydesk.desk;

import java.util.List;

/**
 * One list of the desk home and its first {@code limit} rows; {@code cut} when there were more, so the page says it
 * shows only the first ones (every list is bounded: the desk opens as fast with a million stories as with ten).
 */
public record DeskList(DeskHeading heading, List<DeskRow> rows, boolean cut, int limit) {

    /** The rows of a query that asked for one more than {@code limit}: the extra one only says there are more. */
    static DeskList of(DeskHeading heading, List<DeskRow> rowsAndOneMore, int limit) {
        boolean cut = rowsAndOneMore.size() > limit;
        return new DeskList(heading, cut ? List.copyOf(rowsAndOneMore.subList(0, limit)) : rowsAndOneMore, cut, limit);
    }
}
