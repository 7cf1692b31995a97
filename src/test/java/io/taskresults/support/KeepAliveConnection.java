package io.taskresults.support;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * One TLS connection that sends several HTTP/1.1 requests, so a test can prove what
 * happens on a connection that was already open (one handshake, many requests).
 */
public final class KeepAliveConnection implements Closeable {

	private final SSLSocket socket;

	private final InputStream in;

	private final OutputStream out;

	public KeepAliveConnection(SSLContext ssl, int port) throws IOException {
		this.socket = (SSLSocket) ssl.getSocketFactory().createSocket("localhost", port);
		SSLParameters parameters = this.socket.getSSLParameters();
		parameters.setEndpointIdentificationAlgorithm("HTTPS");
		this.socket.setSSLParameters(parameters);
		this.socket.setSoTimeout(30_000);
		this.socket.startHandshake();
		this.in = this.socket.getInputStream();
		this.out = this.socket.getOutputStream();
	}

	public ApiClient.Response get(String pathAndQuery) throws IOException {
		this.out.write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII));
		this.out.flush();
		String statusLine = readLine();
		int status = Integer.parseInt(statusLine.split(" ")[1]);
		String contentType = null;
		int contentLength = -1;
		boolean chunked = false;
		for (String header = readLine(); !header.isEmpty(); header = readLine()) {
			String name = header.substring(0, header.indexOf(':')).trim().toLowerCase(Locale.ROOT);
			String value = header.substring(header.indexOf(':') + 1).trim();
			switch (name) {
				case "content-type" -> contentType = value;
				case "content-length" -> contentLength = Integer.parseInt(value);
				case "transfer-encoding" -> chunked = value.equalsIgnoreCase("chunked");
				default -> {
				}
			}
		}
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		if (chunked) {
			for (int size = Integer.parseInt(readLine().trim(), 16); size > 0; size = Integer
				.parseInt(readLine().trim(), 16)) {
				body.write(this.in.readNBytes(size));
				readLine();
			}
			readLine();
		}
		else if (contentLength >= 0) {
			body.write(this.in.readNBytes(contentLength));
		}
		return new ApiClient.Response(status, contentType, body.toString(StandardCharsets.UTF_8));
	}

	private String readLine() throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int previous = -1;
		for (int current = this.in.read(); current != -1; current = this.in.read()) {
			if (previous == '\r' && current == '\n') {
				byte[] bytes = line.toByteArray();
				return new String(bytes, 0, bytes.length - 1, StandardCharsets.US_ASCII);
			}
			line.write(current);
			previous = current;
		}
		throw new IOException("Connection closed by the server");
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

}
