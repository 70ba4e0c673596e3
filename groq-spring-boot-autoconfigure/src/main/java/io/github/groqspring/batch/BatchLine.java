package io.github.groqspring.batch;

import io.github.groqspring.chat.ChatRequest;

/**
 * One request of a batch: the chat request and the id its result comes back under.
 *
 * @param customId the caller's id for this request, unique within the batch
 * @param request the chat request, never with a {@code service_tier}
 */
public record BatchLine(String customId, ChatRequest request) {
}
