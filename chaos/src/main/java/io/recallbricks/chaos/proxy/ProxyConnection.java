package io.recallbricks.chaos.proxy;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One client connection through the proxy and its upstream twin. Both channels run on the client channel's
 * event loop, and every method runs there, so the connection's state needs no locks.
 *
 * <p>While the proxy hangs, a new client connection is accepted but not connected upstream: for the client,
 * the server accepted and then never answered (not even the start of a protocol handshake).
 */
final class ProxyConnection {

    private final Channel client;
    private final TcpProxyConfig config;
    private final Supplier<ProxyFault> faults;
    private final Consumer<ProxyConnection> onClosed;
    private final Promise<Void> finished;
    private Channel upstream;
    private Pipe toUpstream;
    private Pipe toClient;
    private boolean connecting;
    private boolean closed;
    private boolean forgotten;

    ProxyConnection(Channel client, TcpProxyConfig config, Supplier<ProxyFault> faults,
                    Consumer<ProxyConnection> onClosed) {
        this.client = client;
        this.config = config;
        this.faults = faults;
        this.onClosed = onClosed;
        this.finished = client.eventLoop().newPromise();
        client.closeFuture().addListener(f -> inLoop(this::forgetWhenBothClosed));
    }

    /** Called once the client's connection is accepted. */
    void open() {
        inLoop(() -> apply(faults.get()));
    }

    /** Applies a new fault to this connection. Safe to call from any thread. */
    void faultChanged(ProxyFault fault) {
        inLoop(() -> apply(fault));
    }

    private void apply(ProxyFault fault) {
        if (closed) {
            return;
        }
        switch (fault.mode()) {
            case DOWN -> close();
            case HANG -> { } // the pipes hold whatever they read from now on
            case PASS_THROUGH, LATENCY -> {
                if (upstream == null) {
                    connectUpstream();
                } else {
                    toUpstream.resume();
                    toClient.resume();
                }
            }
        }
    }

    private void connectUpstream() {
        if (connecting) {
            return;
        }
        connecting = true;
        new Bootstrap()
                .group(client.eventLoop())
                .channel(NioSocketChannel.class)
                .option(ChannelOption.AUTO_READ, false)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) config.connectTimeout().toMillis())
                .handler(new ChannelInboundHandlerAdapter())
                .connect(config.upstreamHost(), config.upstreamPort())
                .addListener((ChannelFutureListener) connected -> {
                    if (!connected.isSuccess() || closed) {
                        connected.channel().close();
                        close();
                        return;
                    }
                    upstream = connected.channel();
                    upstream.closeFuture().addListener(f -> forgetWhenBothClosed());
                    toUpstream = new Pipe(client, upstream, faults, this::close);
                    toClient = new Pipe(upstream, client, faults, this::close);
                    client.pipeline().addLast(new Relay(toUpstream));
                    upstream.pipeline().addLast(new Relay(toClient));
                    toUpstream.start();
                    toClient.start();
                });
    }

    /**
     * Cuts both sides at once: what the "down" fault and the proxy's close() do. (A side that closes by itself
     * is passed on in order by its pipe instead, after the bytes read before its end.) Idempotent.
     */
    void close() {
        inLoop(() -> {
            closed = true;
            client.close();
            if (upstream != null) {
                upstream.close();
            }
        });
    }

    /** Once neither side is open, frees what the pipes hold and leaves the proxy's set of connections. */
    private void forgetWhenBothClosed() {
        if (forgotten || client.isOpen() || (upstream != null && upstream.isOpen())) {
            return; // the open side is closed by its pipe once the bytes read before the end are delivered
        }
        forgotten = true;
        closed = true;
        if (toUpstream != null) {
            toUpstream.discard();
            toClient.discard();
        }
        onClosed.accept(this);
        finished.setSuccess(null);
    }

    /** Completes once both sides are closed and the connection has left the proxy's set. */
    Future<Void> finished() {
        return finished;
    }

    private void inLoop(Runnable task) {
        if (client.eventLoop().inEventLoop()) {
            task.run();
        } else {
            client.eventLoop().execute(task);
        }
    }

    /** Hands what a channel reads, and its end, to the pipe that forwards it. */
    private static final class Relay extends ChannelInboundHandlerAdapter {
        private final Pipe pipe;

        Relay(Pipe pipe) {
            this.pipe = pipe;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            pipe.onRead((ByteBuf) msg);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            pipe.onSourceClosed();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close(); // a reset or broken pipe ends the connection; both sides are then closed
        }
    }
}
