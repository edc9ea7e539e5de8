package org.copydesk.ops;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A test against a database of its own, created empty before and dropped after. */
abstract class OnEmptyDatabase {

    protected String database;

    @BeforeEach
    void emptyDatabase() {
        database = PackagedApp.createDatabase();
    }

    @AfterEach
    void dropDatabase() throws Exception {
        PackagedApp.dropDatabase(database);
    }
}
