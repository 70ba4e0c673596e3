package io.github.groqspring.batch;

import org.jspecify.annotations.Nullable;

/**
 * Groq's answer to deleting a file.
 *
 * @param id the file's id
 * @param object {@code file}
 * @param deleted whether it was deleted
 */
public record FileDeletion(String id, @Nullable String object, boolean deleted) {
}
