package org.rnnlab.training;

/**
 * The result of checking every element of one parameter.
 *
 * @param checked      elements compared
 * @param firstFailure the first element above the threshold, null when it passed
 */
public record ParameterVerdict(String parameter, boolean passed, int checked, CheckedElement firstFailure) {}
