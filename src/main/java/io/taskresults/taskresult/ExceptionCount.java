package io.taskresults.taskresult;

/** An error the task raised while producing a result, and how often. */
public record ExceptionCount(String error, long count) {

}
