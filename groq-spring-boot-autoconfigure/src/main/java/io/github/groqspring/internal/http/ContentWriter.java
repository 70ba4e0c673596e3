package io.github.groqspring.internal.http;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes part of a request body straight to the connection; must write the same bytes
 * each time it is called, since a request may be sent again.
 */
@FunctionalInterface
public interface ContentWriter {

	/**
	 * Write the content.
	 * @param outputStream where to write; do not close it
	 * @throws IOException when writing fails
	 */
	void writeTo(OutputStream outputStream) throws IOException;

}
