package org.copydesk.media;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.copydesk.web.CopydeskConfig;
import org.copydesk.web.Turns;

/**
 * Pictures are decoded and their widths made a few at a time (by default one): each holds tens of
 * megabytes of heap for a second or two, and four 24-megapixel photos at once would not fit in the
 * production heap beside the pages being served. The others wait, first come first served; one that waits
 * longer than {@link CopydeskConfig.Images#waitForTurn()} is told to try again ({@link ImagesBusyException}).
 */
@ApplicationScoped
public class DecodeTurns {

    private final Turns turns;

    DecodeTurns(CopydeskConfig config) {
        this.turns = new Turns(config.images().decodesAtOnce(), config.images().waitForTurn().toMillis());
    }

    <T> T inTurn(Supplier<T> work) {
        return turns.inTurn(work, () -> new ImagesBusyException("Other images are being processed just now, so this one was "
                + "not saved (nothing is wrong with the file). Please try again in a few seconds: choose the image again and send it."));
    }

    /** For tests: the turns free now. */
    Semaphore turns() {
        return turns.permits();
    }
}
