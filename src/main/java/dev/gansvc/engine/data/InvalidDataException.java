package dev.gansvc.engine.data;

/** Data that cannot be read as a dataset; the message says where and why, for the person who sent it. */
public class InvalidDataException extends IllegalArgumentException {

    public InvalidDataException(String message) {
        super(message);
    }
}
