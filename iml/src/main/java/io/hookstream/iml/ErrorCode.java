package io.hookstream.iml;

import java.text.MessageFormat;

/**
 * Stable error codes, rendered like {@code IML-P0203}. Tests and callers should check the code,
 * never the message text. Phases: L lex, P parse, T type, E evaluation, F functions (a block of ten
 * per function family).
 */
public enum ErrorCode {
    // lexer
    UNTERMINATED_STRING('L', 101, "unterminated string literal"),
    UNEXPECTED_CHARACTER('L', 102, "unexpected character ''{0}''"),
    UNTERMINATED_BACKTICK('L', 103, "unterminated backtick name"),
    UNTERMINATED_EXPRESSION('L', 104, "unterminated expression: expected ''}}''"),
    INVALID_NUMBER('L', 105, "invalid number literal ''{0}''"),
    // parser
    UNEXPECTED_TOKEN('P', 201, "expected {0} but found {1}"),
    UNEXPECTED_END('P', 202, "expected {0} but the expression ended"),
    NESTING_TOO_DEEP('P', 203, "expression nesting deeper than the limit of {0}"),
    EXPRESSION_TOO_LONG('P', 204, "expression of {0} characters is longer than the limit of {1}"),
    UNKNOWN_FUNCTION('P', 205, "unknown function ''{0}''"),
    WRONG_ARITY('P', 206, "function ''{0}'' takes {1} argument(s) but was given {2}"),
    EMPTY_EXPRESSION('P', 207, "empty expression"),
    TEMPLATE_TOO_DEEP('P', 208, "template nesting deeper than the limit of {0}"),
    // types
    ARGUMENT_TYPE('T', 301, "argument {1} of ''{0}'' must be {2}, got {3}"),
    OPERAND_TYPE('T', 302, "operator ''{0}'' cannot use {1}"),
    SPREAD_NOT_OBJECT('T', 303, "the '{{...}}' key needs an object, got {0}"),
    NOT_AN_ARRAY('T', 304, "expected an array, got {0}"),
    // evaluation
    DIVISION_BY_ZERO('E', 401, "division by zero"),
    STEP_LIMIT('E', 402, "evaluation took more than the limit of {0} steps"),
    STRING_TOO_LONG('E', 403, "text of {0} characters is longer than the limit of {1}"),
    ARRAY_TOO_LARGE('E', 404, "array of {0} items is larger than the limit of {1}"),
    VALUE_TOO_DEEP('E', 405, "value nesting deeper than the limit of {0}"),
    OUTPUT_TOO_LARGE('E', 406, "output of about {0} characters is larger than the limit of {1}"),
    INTERNAL_ERROR('E', 407, "internal error in {0}: {1}"),
    NUMBER_OUT_OF_RANGE('E', 408, "number {0} is out of range"),
    // functions
    DATE_PARSE('F', 1010, "cannot read ''{0}'' as a date{1}"),
    INVALID_TIMEZONE('F', 1020, "unknown time zone ''{0}''"),
    INVALID_JSON('F', 1030, "invalid JSON: {0}"),
    INVALID_REGEX('F', 1040, "invalid regular expression ''{0}'': {1}"),
    INVALID_ENCODING('F', 1050, "unsupported encoding ''{0}''"),
    INVALID_ENCODED_DATA('F', 1051, "data is not valid {0}"),
    NUMBER_PARSE('F', 1060, "cannot read ''{0}'' as a number"),
    MALFORMED_URI('F', 1070, "malformed percent-encoding in ''{0}''"),
    INVALID_DATE_UNIT('F', 1080, "unknown date unit ''{0}''"),
    INVALID_ARGUMENT('F', 1090, "invalid argument for ''{0}'': {1}"),
    INVALID_KEY('F', 1100, "invalid key for ''{0}'': {1}"),
    UNSUPPORTED_ALGORITHM('F', 1101, "unsupported algorithm ''{0}'' for ''{1}''"),
    INVALID_JWT_INPUT('F', 1110, "cannot build the token: {0}"),
    INVALID_XML('F', 1120, "invalid XML: {0}"),
    XML_NOT_WRITABLE('F', 1121, "cannot write XML: {0}"),
    UNKNOWN_ERROR_TYPE('F', 1130, "unknown error type ''{0}''");

    private final char phase;
    private final int number;
    private final String template;

    ErrorCode(char phase, int number, String template) {
        this.phase = phase;
        this.number = number;
        this.template = template;
    }

    public char phase() {
        return phase;
    }

    public int number() {
        return number;
    }

    /** The rendered code, e.g. {@code IML-P0203}. */
    public String id() {
        return String.format("IML-%c%04d", phase, number);
    }

    /** The message template filled in with the given arguments. */
    public String format(Object... args) {
        return new MessageFormat(template, java.util.Locale.ROOT).format(args);
    }

    @Override
    public String toString() {
        return id();
    }
}
