package io.recallbricks.chaos.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One direction of a proxied connection: reads chunks from {@code source} and writes them to {@code target},
 * applying the current fault to each chunk. Confined to the connection's event loop (both channels share it),
 * so it needs no locks.
 *
 * <p>Flow control: the next read is requested only when every chunk of the previous read has been written, so
 * a slow or paused direction never buffers more than one read's worth of data. Order is preserved even when
 * the latency changes: a chunk is never released before the one read before it.
 */
final class Pipe {

    private final Channel source;
    private final Channel target;
    private final Supplier<ProxyFault> faults;
    private final Runnable closeConnection;
    private final Deque<ByteBuf> held = new ArrayDeque<>();
    private long lastReleaseNanos = Long.MIN_VALUE;
    private int inFlight;
    private boolean sourceClosed;

    Pipe(Channel source, Channel target, Supplier<ProxyFault> faults, Runnable closeConnection) {
        this.source = source;
        this.target = target;
        this.faults = faults;
        this.closeConnection = closeConnection;
    }

    void start() {
        source.read();
    }

    void onRead(ByteBuf chunk) {
        ProxyFault fault = faults.get();
        if (fault.mode() == ProxyFault.Mode.HANG || !held.isEmpty()) {
            held.add(chunk); // forwarded when the hang is lifted; no further read is requested meanwhile
            return;
        }
        forward(chunk, fault);
    }

    /** The source closed: close the target once everything read before has been delivered. */
    void onSourceClosed() {
        sourceClosed = true;
        if (faults.get().mode() == ProxyFault.Mode.HANG) {
            return; // a hung peer notices nothing; the close is passed on when the hang is lifted
        }
        closeTargetAfterPending();
    }

    /** The fault changed away from a hang: deliver what was held, in order, and read on. */
    void resume() {
        ProxyFault fault = faults.get();
        if (fault.mode() == ProxyFault.Mode.HANG) {
            return;
        }
        while (!held.isEmpty()) {
            forward(held.poll(), fault);
        }
        if (sourceClosed) {
            closeTargetAfterPending();
        } else if (inFlight == 0) {
            source.read();
        }
    }

    /** Frees held chunks; used when the connection is closed. */
    void discard() {
        while (!held.isEmpty()) {
            held.poll().release();
        }
    }

    private void forward(ByteBuf chunk, ProxyFault fault) {
        inFlight++;
        long delay = releaseDelayNanos(fault);
        if (delay <= 0) {
            write(chunk);
        } else {
            source.eventLoop().schedule(() -> write(chunk), delay, TimeUnit.NANOSECONDS);
        }
    }

    private void write(ByteBuf chunk) {
        if (!target.isActive()) {
            chunk.release();
            closeConnection.run();
            return;
        }
        target.writeAndFlush(chunk).addListener((ChannelFutureListener) written -> {
            if (!written.isSuccess()) {
                closeConnection.run();
                return;
            }
            if (--inFlight == 0 && held.isEmpty() && !sourceClosed) {
                source.read();
            }
        });
    }

    private void closeTargetAfterPending() {
        long delay = releaseDelayNanos(faults.get());
        Runnable close = () -> target.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        if (delay <= 0) {
            close.run();
        } else {
            source.eventLoop().schedule(close, delay, TimeUnit.NANOSECONDS);
        }
    }

    /** Nanoseconds from now until the next chunk may be released: the latency, but never before the last one. */
    private long releaseDelayNanos(ProxyFault fault) {
        long now = System.nanoTime();
        long releaseAt = now + fault.latency().toNanos();
        if (lastReleaseNanos != Long.MIN_VALUE && lastReleaseNanos - releaseAt > 0) {
            releaseAt = lastReleaseNanos;
        }
        lastReleaseNanos = releaseAt;
        return releaseAt - now;
    }
}
