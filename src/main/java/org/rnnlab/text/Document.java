package org.rnnlab.text;

/**
 * One unit of a corpus: a reddit comment (one CSV record) or a paragraph of a text file.
 *
 * @param index 0-based position of the document in its corpus
 * @param text  the raw text, not yet lower-cased
 */
public record Document(long index, String text) {
}
