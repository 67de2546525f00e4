package dev.gansvc.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one home for how much of a client's input an error message may repeat: at most
 * {@value #MAX_ECHO} characters of any value, no Java class names, and a bounded message.
 */
public final class Echo {

    /** Characters of one value an error may repeat. */
    public static final int MAX_ECHO = 200;

    /** Characters of a whole message. */
    static final int MAX_MESSAGE = 2000;

    private static final Pattern LONG_TOKEN = Pattern.compile("\\S{" + (MAX_ECHO + 1) + ",}");
    private static final Pattern CLASS_NAME =
            Pattern.compile("`?\\b(?:java|javax|jakarta|org|com|tools|dev|sun)\\.[A-Za-z0-9_$.]+`?");

    private Echo() {}

    /** A value as an error may repeat it: its first {@value #MAX_ECHO} characters. */
    public static String value(Object value) {
        String s = String.valueOf(value);
        if (s.length() <= MAX_ECHO) {
            return s;
        }
        return s.substring(0, MAX_ECHO) + "... (" + s.length() + " characters)";
    }

    /**
     * A message made safe to send: long runs without spaces (echoed values) cut to {@value
     * #MAX_ECHO} characters, Java class names removed, and the whole at most {@value
     * #MAX_MESSAGE} characters.
     */
    public static String message(String message) {
        if (message == null) {
            return null;
        }
        String s = CLASS_NAME.matcher(message).replaceAll("a value");
        Matcher m = LONG_TOKEN.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(value(m.group())));
        }
        m.appendTail(out);
        s = out.toString();
        return s.length() <= MAX_MESSAGE ? s : s.substring(0, MAX_MESSAGE) + "...";
    }
}
