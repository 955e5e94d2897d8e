package dev.catalogstore.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on the loopback interface between a store and its test database, to break the network
 * under the store on demand. It forwards until told otherwise:
 *
 * <ul>
 *   <li>{@link #cut()}: closes every connection and refuses new ones at once (a crashed server, a
 *       reset network);
 *   <li>{@link #blackHole()}: keeps connections open but delivers nothing either way, and new
 *       connections hear nothing (a peer that vanished without closing);
 *   <li>{@link #restore()}: forwards again (connections broken meanwhile stay broken).
 * </ul>
 *
 * <p>{@link #retarget} makes new connections go to another port, as a virtual IP or a DNS name that
 * moves to another server: connections made before still reach the old one.
 *
 * <p>It listens only on 127.0.0.1 and only forwards to the test database.
 */
final class TcpProxy implements AutoCloseable {
  private enum Mode {
    FORWARD,
    CUT,
    BLACK_HOLE
  }

  private final ServerSocket listener;
  private final String targetHost;
  private volatile int targetPort;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private volatile Mode mode = Mode.FORWARD;
  private volatile boolean closed;

  TcpProxy(String targetHost, int targetPort) throws IOException {
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    this.listener = new ServerSocket();
    listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    daemon("proxy-accept", this::acceptLoop).start();
  }

  int port() {
    return listener.getLocalPort();
  }

  void cut() {
    mode = Mode.CUT;
    closeAll();
  }

  /** New connections go to {@code port} from now on; open connections stay where they are. */
  void retarget(int port) {
    targetPort = port;
  }

  void blackHole() {
    mode = Mode.BLACK_HOLE;
  }

  void restore() {
    mode = Mode.FORWARD;
  }

  @Override
  public void close() throws IOException {
    closed = true;
    listener.close();
    closeAll();
  }

  private void acceptLoop() {
    while (!closed) {
      Socket client;
      try {
        client = listener.accept();
      } catch (IOException e) {
        return;
      }
      if (mode == Mode.CUT) {
        closeQuietly(client);
        continue;
      }
      sockets.add(client);
      daemon("proxy-connect", () -> connect(client)).start();
    }
  }

  private void connect(Socket client) {
    Socket server = new Socket();
    sockets.add(server);
    try {
      server.connect(new InetSocketAddress(targetHost, targetPort), 5_000);
    } catch (IOException e) {
      closeQuietly(client);
      closeQuietly(server);
      return;
    }
    daemon("proxy-up", () -> pump(client, server)).start();
    daemon("proxy-down", () -> pump(server, client)).start();
  }

  /** Copies bytes from one socket to the other, dropping them while the proxy is a black hole. */
  private void pump(Socket from, Socket to) {
    byte[] buffer = new byte[16 * 1024];
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      int read;
      while ((read = in.read(buffer)) >= 0) {
        if (mode == Mode.FORWARD) {
          out.write(buffer, 0, read);
          out.flush();
        }
      }
    } catch (SocketException e) {
      // Closed by cut() or by the other side.
    } catch (IOException e) {
      // The connection broke; close both ends below.
    } finally {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  private void closeAll() {
    for (Socket socket : sockets) {
      closeQuietly(socket);
    }
    sockets.clear();
  }

  private void closeQuietly(Socket socket) {
    sockets.remove(socket);
    try {
      socket.close();
    } catch (IOException e) {
      // Already gone.
    }
  }

  private static Thread daemon(String name, Runnable body) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    return thread;
  }
}
