package io.github.groqspring.test;

/**
 * How the emulator's side of a streamed answer ended, to assert what a client did with the
 * connection.
 *
 * @param chunksSent the {@code data:} chunks written before the end
 * @param doneSent whether {@code data: [DONE]} was written
 * @param clientDisconnected whether writing failed because the client had closed the
 * connection
 */
public record StreamOutcome(int chunksSent, boolean doneSent, boolean clientDisconnected) {
}
