package io.hookstream.iml.func.text;

import java.util.Locale;
import java.util.Map;

/** File extension to MIME type, for {@code mime(filename)}. */
final class MimeTypes {

    private static final String DEFAULT = "application/octet-stream";

    private static final Map<String, String> TYPES =
            Map.ofEntries(
                    Map.entry("txt", "text/plain"),
                    Map.entry("text", "text/plain"),
                    Map.entry("log", "text/plain"),
                    Map.entry("html", "text/html"),
                    Map.entry("htm", "text/html"),
                    Map.entry("css", "text/css"),
                    Map.entry("csv", "text/csv"),
                    Map.entry("tsv", "text/tab-separated-values"),
                    Map.entry("md", "text/markdown"),
                    Map.entry("xml", "application/xml"),
                    Map.entry("ics", "text/calendar"),
                    Map.entry("vcf", "text/vcard"),
                    Map.entry("js", "text/javascript"),
                    Map.entry("mjs", "text/javascript"),
                    Map.entry("json", "application/json"),
                    Map.entry("jsonld", "application/ld+json"),
                    Map.entry("yaml", "application/yaml"),
                    Map.entry("yml", "application/yaml"),
                    Map.entry("pdf", "application/pdf"),
                    Map.entry("zip", "application/zip"),
                    Map.entry("gz", "application/gzip"),
                    Map.entry("tar", "application/x-tar"),
                    Map.entry("7z", "application/x-7z-compressed"),
                    Map.entry("rar", "application/vnd.rar"),
                    Map.entry("doc", "application/msword"),
                    Map.entry(
                            "docx",
                            "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
                    Map.entry("xls", "application/vnd.ms-excel"),
                    Map.entry(
                            "xlsx",
                            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                    Map.entry("ppt", "application/vnd.ms-powerpoint"),
                    Map.entry(
                            "pptx",
                            "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
                    Map.entry("odt", "application/vnd.oasis.opendocument.text"),
                    Map.entry("ods", "application/vnd.oasis.opendocument.spreadsheet"),
                    Map.entry("rtf", "application/rtf"),
                    Map.entry("epub", "application/epub+zip"),
                    Map.entry("wasm", "application/wasm"),
                    Map.entry("bin", "application/octet-stream"),
                    Map.entry("exe", "application/octet-stream"),
                    Map.entry("png", "image/png"),
                    Map.entry("jpg", "image/jpeg"),
                    Map.entry("jpeg", "image/jpeg"),
                    Map.entry("gif", "image/gif"),
                    Map.entry("webp", "image/webp"),
                    Map.entry("svg", "image/svg+xml"),
                    Map.entry("bmp", "image/bmp"),
                    Map.entry("ico", "image/vnd.microsoft.icon"),
                    Map.entry("tif", "image/tiff"),
                    Map.entry("tiff", "image/tiff"),
                    Map.entry("heic", "image/heic"),
                    Map.entry("avif", "image/avif"),
                    Map.entry("mp3", "audio/mpeg"),
                    Map.entry("wav", "audio/wav"),
                    Map.entry("ogg", "audio/ogg"),
                    Map.entry("m4a", "audio/mp4"),
                    Map.entry("flac", "audio/flac"),
                    Map.entry("aac", "audio/aac"),
                    Map.entry("mp4", "video/mp4"),
                    Map.entry("mov", "video/quicktime"),
                    Map.entry("webm", "video/webm"),
                    Map.entry("avi", "video/x-msvideo"),
                    Map.entry("mkv", "video/x-matroska"),
                    Map.entry("mpeg", "video/mpeg"),
                    Map.entry("woff", "font/woff"),
                    Map.entry("woff2", "font/woff2"),
                    Map.entry("ttf", "font/ttf"),
                    Map.entry("otf", "font/otf"),
                    Map.entry("eml", "message/rfc822"));

    private MimeTypes() {}

    static String forFileName(String fileName) {
        String name = fileName.strip();
        int dot = name.lastIndexOf('.');
        String ext = (dot >= 0 ? name.substring(dot + 1) : name).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(ext, DEFAULT);
    }
}
