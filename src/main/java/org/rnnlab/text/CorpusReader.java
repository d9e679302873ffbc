package org.rnnlab.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.rnnlab.common.Cancellation;
import org.rnnlab.common.IoReason;
import org.rnnlab.common.ProgressListener;
import org.rnnlab.common.UserException;

/**
 * Streams the documents of a corpus: the records of one column of a CSV file (the lesson's reddit
 * comments), the paragraphs of a plain text file (separated by blank lines), or the paragraphs of
 * every {@code .txt} file in a folder. Nothing is held whole: a 1 GB file is read through a
 * 64 KiB buffer, one document at a time. Bytes that are not UTF-8 become U+FFFD and are counted.
 *
 * <p>CSV is read as the lesson's Python did ({@code csv.reader(f, skipinitialspace=True)}):
 * a header line, records spanning lines inside quotes, doubled quotes, spaces after a delimiter
 * skipped, and a last record cut off inside its quotes still read. One CSV field is one string,
 * however long (a text file's paragraphs, by contrast, are cut at {@link #MAX_DOCUMENT_CHARS}).
 */
public final class CorpusReader {
    /** Default column, the lesson's. */
    public static final String DEFAULT_COLUMN = "body";
    /**
     * A paragraph of a text file is cut at the next line break once it is this long, and inside a
     * line at the next space once it is twice as long, so a file without blank lines (or without
     * line breaks) never becomes one huge string.
     */
    static final int MAX_DOCUMENT_CHARS = 1 << 20;
    private static final int SNIFF_BYTES = 8192;
    private static final long PROGRESS_EVERY_BYTES = 256 * 1024;

    private enum Kind { CSV, TEXT, FOLDER }

    private final Path path;
    private final Kind kind;
    private final String column;
    private final int columnIndex;
    private final List<Path> files;
    private final long totalBytes;
    private final InputStream stream;   // standard input, read once; null for files
    private final java.nio.charset.Charset charset;
    private UnclosedQuote unclosedQuote;
    private long malformedBytes;
    private long documents;

    private CorpusReader(Path path, Kind kind, String column, int columnIndex, List<Path> files,
                         java.nio.charset.Charset charset) {
        this.path = path;
        this.charset = charset;
        this.kind = kind;
        this.column = column;
        this.columnIndex = columnIndex;
        this.files = files;
        this.stream = null;
        long total = 0;
        for (Path f : files) {
            try {
                total += Files.size(f);
            } catch (IOException e) {
                throw cannotRead(f, e);
            }
        }
        this.totalBytes = total;
    }

    private CorpusReader(InputStream stream, String name) {
        this.path = Path.of(name);
        this.kind = Kind.TEXT;
        this.column = null;
        this.columnIndex = -1;
        this.files = List.of();
        this.totalBytes = -1;
        this.stream = stream;
        this.charset = StandardCharsets.UTF_8;
    }

    /**
     * Reads plain text (paragraphs separated by blank lines) from a stream such as standard input,
     * once. Checks the first bytes are text.
     *
     * @param name what to call the stream in messages, e.g. "standard input"
     */
    public static CorpusReader ofStream(InputStream in, String name) {
        java.io.BufferedInputStream buffered = new java.io.BufferedInputStream(in, 1 << 16);
        try {
            buffered.mark(SNIFF_BYTES);
            byte[] head = new byte[SNIFF_BYTES];
            int n = buffered.read(head, 0, head.length);
            if (n < 0) {
                throw UserException.said("corpus.stream.empty", name);
            }
            for (int i = 0; i < n; i++) {
                if (head[i] == 0) {
                    throw UserException.said("corpus.stream.binary", name);
                }
            }
            buffered.reset();
        } catch (IOException e) {
            throw UserException.said(e, "corpus.read", name, IoReason.of(e));
        }
        return new CorpusReader(buffered, name);
    }

    /** The corpus the application opens by default, relative to the project folder. */
    public static final Path SAMPLE_CORPUS = Path.of("sample-corpus", "state-of-the-union.csv");

    /**
     * Opens a corpus and checks it can be read: the file exists, is not empty, is text, and (for a
     * CSV file) has the column. A folder is read as all its {@code .txt} files, in name order.
     *
     * @param column the CSV column holding the text; null means {@value #DEFAULT_COLUMN}. Ignored for text files.
     * @throws UserException with one sentence for the user when the corpus cannot be used
     */
    public static CorpusReader open(Path path, String column) {
        return open(path, column, StandardCharsets.UTF_8);
    }

    /**
     * As {@link #open(Path, String)}, for text in another encoding (Latin-1, Windows-1252...); UTF-8
     * when {@code charset} is null.
     */
    public static CorpusReader open(Path path, String column, java.nio.charset.Charset charset) {
        if (charset == null) {
            charset = StandardCharsets.UTF_8;
        }
        if (path == null) {
            throw UserException.said("corpus.none");
        }
        String col = column == null || column.isBlank() ? DEFAULT_COLUMN : column;
        if (!Files.exists(path)) {
            throw UserException.said("corpus.missing", path);
        }
        if (Files.isDirectory(path)) {
            List<Path> txt;
            try (Stream<Path> s = Files.walk(path)) {
                txt = s.filter(Files::isRegularFile)
                        .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".txt"))
                        .sorted()
                        .toList();
            } catch (IOException | UncheckedIOException e) {
                throw UserException.said(e, "corpus.folder.unlistable", path);
            }
            List<Path> nonEmpty = new ArrayList<>();
            for (Path f : txt) {
                if (size(f) > 0) {
                    checkText(f);
                    nonEmpty.add(f);
                }
            }
            if (nonEmpty.isEmpty()) {
                throw UserException.said("corpus.folder.noText", path);
            }
            return new CorpusReader(path, Kind.FOLDER, null, -1, nonEmpty, charset);
        }
        if (!Files.isReadable(path)) {
            throw UserException.said("corpus.unreadable", path);
        }
        if (size(path) == 0) {
            throw UserException.said("corpus.empty", path);
        }
        checkText(path);
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            int index = findColumn(path, col, charset);
            return new CorpusReader(path, Kind.CSV, col, index, List.of(path), charset);
        }
        return new CorpusReader(path, Kind.TEXT, null, -1, List.of(path), charset);
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw cannotRead(p, e);
        }
    }

    /** Rejects a file whose first bytes hold a NUL: an image, an archive, UTF-16 text. */
    private static void checkText(Path p) {
        byte[] head = new byte[SNIFF_BYTES];
        int n = 0;
        try (InputStream in = Files.newInputStream(p)) {
            int r;
            while (n < head.length && (r = in.read(head, n, head.length - n)) > 0) {
                n += r;
            }
        } catch (IOException e) {
            throw cannotRead(p, e);
        }
        for (int i = 0; i < n; i++) {
            if (head[i] == 0) {
                throw UserException.said("corpus.binary", p);
            }
        }
    }

    static CSVFormat csvFormat() {
        // The lesson read with csv.reader(f, skipinitialspace=True): records span lines, quotes are
        // doubled inside quoted fields, spaces after a delimiter are skipped.
        return CSVFormat.DEFAULT.builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true)
                .setAllowMissingColumnNames(true)
                .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL)
                .setLenientEof(true)      // Python accepts a last record cut inside its quotes
                .setTrailingData(true)    // and text after a closing quote
                .get();
    }

    private static int findColumn(Path p, String col, java.nio.charset.Charset charset) {
        List<String> header;
        try (DecodingReader r = new DecodingReader(Files.newInputStream(p), charset);
             CSVParser parser = CSVParser.builder().setReader(r).setFormat(csvFormat()).get()) {
            header = parser.getHeaderNames();
        } catch (IOException e) {
            throw cannotRead(p, e);
        } catch (UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw UserException.said("corpus.csv.invalid", p, e.getMessage());
        }
        int exact = header.indexOf(col);
        if (exact >= 0) {
            return exact;
        }
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i) != null && header.get(i).strip().equalsIgnoreCase(col.strip())) {
                return i;
            }
        }
        throw new MissingColumn(p, col, header);
    }

    /** A CSV file without the asked-for text column; says which columns it has, so a caller can offer them. */
    public static final class MissingColumn extends UserException {
        private final List<String> columns;

        MissingColumn(Path p, String column, List<String> header) {
            super(p + " has no column '" + column + "' (its header holds: "
                    + (header.isEmpty() ? "none" : String.join(", ", header)) + "); name the text column with --column NAME");
            this.columns = List.copyOf(header.stream().map(h -> h == null ? "" : h).toList());
        }

        /** The file's columns, in order. */
        public List<String> columns() {
            return columns;
        }
    }

    private static UserException cannotRead(Path p, IOException e) {
        return UserException.said(e, "corpus.cannotRead", p, IoReason.of(e));
    }

    /**
     * Sends every document to {@code sink}, in order, on the calling thread.
     *
     * @param progress told bytes read of the total, every 256 KiB and at the end
     * @param cancel   polled between documents; throws {@link org.rnnlab.common.CancelledException}
     */
    public void forEach(Consumer<Document> sink, ProgressListener progress, Cancellation cancel) {
        ProgressListener p = progress == null ? ProgressListener.NONE : progress;
        Cancellation c = cancel == null ? Cancellation.NONE : cancel;
        malformedBytes = 0;
        Counter counter = new Counter(p, totalBytes);
        if (stream != null) {
            DecodingReader r = new DecodingReader(stream);
            try {
                readParagraphs(r, sink, counter, c);
            } catch (IOException e) {
                throw UserException.said(e, "corpus.read", path, IoReason.of(e));
            } finally {
                malformedBytes += r.malformedBytes();
            }
        } else if (kind == Kind.CSV) {
            readCsv(path, sink, counter, c);
        } else {
            for (Path f : files) {
                readText(f, sink, counter, c);
            }
        }
        documents = counter.documents;
        p.progress(Math.max(0, totalBytes), totalBytes, "Read " + String.format(Locale.ROOT, "%,d", counter.documents) + " "
                + unit() + "s");
    }

    private String unit() {
        return kind == Kind.CSV ? "comment" : "paragraph";
    }

    /** Tracks documents and bytes for progress across files. */
    private final class Counter {
        final ProgressListener listener;
        final long total;
        long documents;
        long bytesBefore;   // of files already read
        long lastReported;

        Counter(ProgressListener listener, long total) {
            this.listener = listener;
            this.total = total;
        }

        void document(DecodingReader r) {
            documents++;
            long done = bytesBefore + r.bytesRead();
            if (done - lastReported >= PROGRESS_EVERY_BYTES) {
                lastReported = done;
                listener.progress(total < 0 ? done : Math.min(done, total), total, "Reading " + unit() + "s: "
                        + String.format(Locale.ROOT, "%,d", documents));
            }
        }
    }

    private void readCsv(Path f, Consumer<Document> sink, Counter counter, Cancellation cancel) {
        DecodingReader reader = null;
        try (DecodingReader r = new DecodingReader(Files.newInputStream(f), charset);
             QuoteTracker quotes = new QuoteTracker(r);
             CSVParser parser = CSVParser.builder().setReader(quotes).setFormat(csvFormat()).get()) {
            reader = r;
            for (CSVRecord record : parser) {
                cancel.throwIfCancelled();
                if (columnIndex < record.size()) {
                    sink.accept(new Document(counter.documents, record.get(columnIndex)));
                }
                counter.document(r);
            }
            counter.bytesBefore += r.bytesRead();
            if (quotes.endedInsideQuotes()) {
                // Python reads a last record cut inside its quotes, and so do we (the lesson's sample ends so),
                // but never silently: a quote left open mid-file swallows the rest of it into one record
                unclosedQuote = new UnclosedQuote(counter.documents, quotes.openedOnLine(), quotes.lines());
            }
        } catch (IOException e) {
            throw cannotRead(f, e);
        } catch (UncheckedIOException | IllegalStateException e) {
            throw UserException.said(e, "corpus.csv.broken", f, rootMessage(e), String.valueOf(counter.documents));
        } finally {
            if (reader != null) {
                malformedBytes += reader.malformedBytes();
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    /** Paragraphs: runs of lines separated by blank (white-space only) lines. */
    private void readText(Path f, Consumer<Document> sink, Counter counter, Cancellation cancel) {
        DecodingReader reader = null;
        try (DecodingReader r = new DecodingReader(Files.newInputStream(f), charset)) {
            reader = r;
            readParagraphs(r, sink, counter, cancel);
            counter.bytesBefore += r.bytesRead();
        } catch (IOException e) {
            throw cannotRead(f, e);
        } finally {
            if (reader != null) {
                malformedBytes += reader.malformedBytes();
            }
        }
    }

    private void readParagraphs(DecodingReader r, Consumer<Document> sink, Counter counter, Cancellation cancel)
            throws IOException {
        char[] buf = new char[1 << 14];
        StringBuilder paragraph = new StringBuilder();
        int lineStart = 0;              // where the current line starts in paragraph
        boolean lineBlank = true;
        int n;
        while ((n = r.read(buf, 0, buf.length)) > 0) {
            for (int i = 0; i < n; i++) {
                char ch = buf[i];
                paragraph.append(ch);
                if (ch == '\n') {
                    if (lineBlank) {
                        paragraph.setLength(lineStart);   // a blank line ends the paragraph before it
                        emit(paragraph, sink, counter, r, cancel);
                    } else if (paragraph.length() >= MAX_DOCUMENT_CHARS) {
                        emit(paragraph, sink, counter, r, cancel);
                    }
                    lineStart = paragraph.length();
                    lineBlank = true;
                } else if (!TreebankTokenizer.isSpace(ch)) {
                    lineBlank = false;
                    if (paragraph.length() >= 4 * MAX_DOCUMENT_CHARS) {
                        emit(paragraph, sink, counter, r, cancel);   // megabytes without a space: cut anywhere
                        lineStart = 0;
                    }
                } else if (paragraph.length() >= 2 * MAX_DOCUMENT_CHARS) {
                    emit(paragraph, sink, counter, r, cancel);       // a huge line: cut at a space
                    lineStart = 0;
                }
            }
        }
        emit(paragraph, sink, counter, r, cancel);
    }

    private void emit(StringBuilder paragraph, Consumer<Document> sink, Counter counter, DecodingReader r,
                      Cancellation cancel) {
        boolean blank = true;
        for (int i = 0; i < paragraph.length() && blank; i++) {
            blank = Character.isWhitespace(paragraph.charAt(i));
        }
        if (!blank) {
            cancel.throwIfCancelled();
            sink.accept(new Document(counter.documents, paragraph.toString().strip()));
            counter.document(r);
        }
        paragraph.setLength(0);
    }

    /** Bytes that were not valid UTF-8 and were replaced by U+FFFD in the last {@link #forEach}. */
    /**
     * A CSV file's last record, cut by the end of the file inside its quotes (read to the end as one
     * record), or null. {@code record} counts from 1; {@code fromLine} is where its quote opened,
     * {@code lines} the file's lines.
     */
    public record UnclosedQuote(long record, long fromLine, long lines) {
        /** One sentence for the learner, for a warning. */
        public String describe(Path file) {
            long swallowed = lines - fromLine + 1;
            return "the quote opened on line " + fromLine + " of " + file.getFileName() + " (record " + record
                    + ") is never closed, so its last " + swallowed + " line" + (swallowed == 1 ? "" : "s")
                    + " were read as one text; if that is not meant, close the quote";
        }
    }

    /** After {@link #forEach}: the CSV record left inside an open quote at the end of the file, or null. */
    public UnclosedQuote unclosedQuote() {
        return unclosedQuote;
    }

    /** The encoding the corpus is read in. */
    public java.nio.charset.Charset charset() {
        return charset;
    }

    public long malformedBytes() {
        return malformedBytes;
    }

    /** Documents sent by the last {@link #forEach}. */
    public long documents() {
        return documents;
    }

    /** Size of the corpus on disk, in bytes (-1 for a stream). */
    public long totalBytes() {
        return totalBytes;
    }

    public Path path() {
        return path;
    }

    /** For example "state-of-the-union.csv (CSV, column body)". */
    public String description() {
        String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        return switch (kind) {
            case CSV -> name + " (CSV, column " + column + ")";
            case TEXT -> name + " (text, paragraphs)";
            case FOLDER -> name + "/ (folder, " + files.size() + " .txt file" + (files.size() == 1 ? "" : "s") + ")";
        };
    }
}
