package io.hookstream.iml.func.runtime;

import io.hookstream.iml.ErrorCode;
import io.hookstream.iml.EvalException;
import io.hookstream.iml.func.Args;
import io.hookstream.iml.func.CallContext;
import io.hookstream.iml.func.FunctionLibrary;
import io.hookstream.iml.func.FunctionRegistration;
import io.hookstream.iml.func.FunctionSpec;
import io.hookstream.iml.func.ValueType;
import io.hookstream.iml.value.ArrayValue;
import io.hookstream.iml.value.TextValue;
import io.hookstream.iml.value.Value;
import io.hookstream.iml.value.Values;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The helpers Make's app runtime adds beyond the IML library (§5.6, SRC3 "Runtime Additional
 * Functions"): {@code jwt}, {@code cryptoSign}, {@code pop}, {@code shift}, {@code parseXML},
 * {@code createXML} and {@code errorFactory}. {@code isArray} (general) and {@code mime} (text)
 * live in their own libraries. Nothing here touches the network or the file system; keys come in as
 * PEM text.
 */
public final class RuntimeFunctions implements FunctionLibrary {

    /** The error classes the runtime's {@code errorFactory} can build (SRC3, runtime reference). */
    static final Set<String> ERROR_TYPES =
            Set.of(
                    "DataError",
                    "UnknownError",
                    "RuntimeError",
                    "InconsistencyError",
                    "RateLimitError",
                    "OutOfSpaceError",
                    "ConnectionError",
                    "InvalidConfigurationError",
                    "InvalidAccessTokenError",
                    "UnexpectedError",
                    "MaxResultsExceededError",
                    "MaxFileSizeExceededError",
                    "IncompleteDataError",
                    "DuplicateDataError",
                    "ModuleTimeoutError",
                    "ScenarioTimeoutError",
                    "OperationsLimitExceededError",
                    "DataSizeLimitExceededError",
                    "ExecutionInterruptedError",
                    "Warning");

    @Override
    public void register(FunctionRegistration r) {
        r.add(
                FunctionSpec.builder("jwt")
                        .param("payload", ValueType.ANY)
                        .param("secret", ValueType.ANY)
                        .optional("algorithm", ValueType.TEXT)
                        .optional("options", ValueType.OBJECT)
                        .returns(ValueType.TEXT)
                        .propagateMissing()
                        .impure()
                        .eager(Jwt::jwt)
                        .doc(
                                "A signed JWT (HS256 by default; HS/RS/PS/ES 256-512 with a PEM key); options as in"
                                        + " jsonwebtoken (expiresIn, notBefore, audience, issuer, subject, jwtid, keyid, header);"
                                        + " no iat unless the payload has one.")
                        .build());
        r.add(
                FunctionSpec.builder("cryptoSign")
                        .param("algorithm", ValueType.TEXT)
                        .param("data", ValueType.ANY)
                        .param("key", ValueType.ANY)
                        .optional("outputEncoding", ValueType.TEXT)
                        .returns(ValueType.TEXT)
                        .passMissing()
                        .impure()
                        .eager(Signing::cryptoSign)
                        .doc(
                                "Node's crypto.sign: signs text or a buffer with a PEM private key (RSA PKCS#1 v1.5,"
                                        + " ECDSA in DER, EdDSA); hex by default, or base64, base64url, latin1.")
                        .build());
        r.add(
                FunctionSpec.builder("pop")
                        .param("array", ValueType.ARRAY)
                        .returns(ValueType.ANY)
                        .eager(RuntimeFunctions::pop)
                        .doc(
                                "The last item (what JavaScript's pop removes); the array itself is unchanged.")
                        .build());
        r.add(
                FunctionSpec.builder("shift")
                        .param("array", ValueType.ARRAY)
                        .returns(ValueType.ANY)
                        .eager(RuntimeFunctions::shift)
                        .doc(
                                "The first item (what JavaScript's shift removes); the array itself is unchanged.")
                        .build());
        r.add(
                FunctionSpec.builder("parseXML")
                        .param("text", ValueType.TEXT)
                        .returns(ValueType.OBJECT)
                        .eager(RuntimeFunctions::parseXml)
                        .doc(
                                "Parses XML as Make does: {root: [element]}, children as arrays by name, _attributes,"
                                        + " _value; no DTDs or entities.")
                        .build());
        r.add(
                FunctionSpec.builder("createXML")
                        .param("value", ValueType.ANY)
                        .optional("root", ValueType.TEXT)
                        .returns(ValueType.TEXT)
                        .propagateMissing()
                        .eager(RuntimeFunctions::createXml)
                        .doc(
                                "Compact XML text, the inverse of parseXML; the root is the argument, the only key of the"
                                        + " object, or 'root'.")
                        .build());
        r.add(
                FunctionSpec.builder("errorFactory")
                        .param("type", ValueType.TEXT)
                        .optional("message", ValueType.TEXT)
                        .returns(ValueType.OBJECT)
                        .passMissing()
                        .eager(RuntimeFunctions::errorFactory)
                        .doc(
                                "An error object {name, message} of one of the runtime's error types, e.g. DataError.")
                        .build());
    }

    /**
     * JavaScript's {@code pop} returns the removed last item and shortens the array in place. IML
     * values are immutable, so only the returned item is kept: the same as {@code last}, undefined
     * when empty.
     */
    static Value pop(Value[] args, CallContext cx) {
        ArrayValue a = (ArrayValue) args[0];
        return a.size() == 0 ? Values.UNDEFINED : a.get(a.size() - 1);
    }

    /** JavaScript's {@code shift} without the mutation: the first item, undefined when empty. */
    static Value shift(Value[] args, CallContext cx) {
        ArrayValue a = (ArrayValue) args[0];
        return a.size() == 0 ? Values.UNDEFINED : a.get(0);
    }

    static Value parseXml(Value[] args, CallContext cx) {
        return XmlReader.parse(((TextValue) args[0]).value(), cx);
    }

    static Value createXml(Value[] args, CallContext cx) {
        String xml = XmlWriter.write(args[0], Args.has(args, 1) ? Values.text(args[1]) : null, cx);
        cx.checkString(xml.length());
        return Values.text(xml);
    }

    /**
     * The runtime's {@code errorFactory(type, message)} constructs one of its error classes; an
     * unknown type fails there ({@code errors[type] is not a constructor}) and here. IML has no
     * {@code throw}, so the error is a value: an object with the error's {@code name} (its type)
     * and {@code message}, the two fields a Make error is reported by.
     */
    static Value errorFactory(Value[] args, CallContext cx) {
        String type = Args.text(args, 0, "");
        if (!ERROR_TYPES.contains(type)) {
            throw new EvalException(ErrorCode.UNKNOWN_ERROR_TYPE, type);
        }
        Map<String, Value> error = new LinkedHashMap<>();
        error.put("name", Values.text(type));
        error.put("message", Values.text(Args.text(args, 1, "")));
        return Values.object(error);
    }
}
