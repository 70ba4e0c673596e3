package io.github.groqspring.batch;

import java.io.InputStream;
import java.util.List;

import io.github.groqspring.http.GroqHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * The organisation's files at Groq: batch inputs ({@code purpose=batch}) and the output
 * and error files of batches ({@code batch_output}). Groq keeps them 30 days; delete them
 * sooner here. Obtained from {@code GroqBatchTemplate.files()}.
 */
public final class BatchFiles {

	static final String PATH = "/openai/v1/files";

	private final GroqHttpClient httpClient;

	BatchFiles(GroqHttpClient httpClient) {
		this.httpClient = httpClient;
	}

	/**
	 * All files.
	 * @return the files
	 */
	public List<BatchFile> list() {
		return this.httpClient.get(PATH, FileList.class).body().data();
	}

	/**
	 * One file's details.
	 * @param fileId the file's id
	 * @return the file
	 * @throws io.github.groqspring.error.GroqNotFoundException when there is no such file
	 */
	public BatchFile get(String fileId) {
		return this.httpClient.get(PATH + "/{id}", BatchFile.class, requireId(fileId)).body();
	}

	/**
	 * A file's content, streamed as it arrives.
	 * @param fileId the file's id
	 * @return the content; the caller must close it, which releases the connection
	 */
	public InputStream download(String fileId) {
		return this.httpClient.download(PATH + "/{id}/content", requireId(fileId));
	}

	/**
	 * Read a result file (a batch's output or error file) line by line.
	 * @param fileId the file's id
	 * @return the reader; the caller must close it, which releases the connection
	 */
	public BatchResultReader readResults(String fileId) {
		return new BatchResultReader(download(fileId), this.httpClient.jsonMapper(), "file " + fileId);
	}

	/**
	 * Delete a file.
	 * @param fileId the file's id
	 * @return Groq's answer
	 */
	public FileDeletion delete(String fileId) {
		return this.httpClient.delete(PATH + "/{id}", FileDeletion.class, requireId(fileId)).body();
	}

	private static String requireId(String fileId) {
		if (fileId.isBlank()) {
			throw new IllegalArgumentException("fileId must not be blank");
		}
		return fileId;
	}

	/** Groq's file list. */
	record FileList(@Nullable String object, List<BatchFile> data) {

		FileList {
			data = (data != null) ? List.copyOf(data) : List.of();
		}

	}

}
