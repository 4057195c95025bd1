package io.recallbricks.chaos.embeddings;

import com.github.tomakehurst.wiremock.common.Notifier;

/**
 * WireMock's notifier for the fake: its info lines (one per admin call) are dropped, its errors go to the JDK's
 * {@link System.Logger}, so the fake needs no logging framework of its own and adds none to a test classpath.
 */
final class QuietNotifier implements Notifier {

    private static final System.Logger LOG = System.getLogger(FakeEmbeddingApi.class.getName());

    @Override
    public void info(String message) {
        // deliberately silent
    }

    @Override
    public void error(String message) {
        LOG.log(System.Logger.Level.WARNING, message);
    }

    @Override
    public void error(String message, Throwable t) {
        LOG.log(System.Logger.Level.WARNING, message, t);
    }
}
