package io.hookstream.benchmarks;

import com.dashjoin.jsonata.Jsonata;
import com.dashjoin.jsonata.json.Json;
import io.hookstream.iml.CompiledExpression;
import io.hookstream.iml.CompiledTemplate;
import io.hookstream.iml.EvalContext;
import io.hookstream.iml.Iml;
import io.hookstream.iml.value.ArrayValue;
import io.hookstream.iml.value.Value;
import io.hookstream.iml.value.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The same expressions in IML (compiled once), JSONata for Java (compiled once) and, for the path,
 * raw Jackson {@code JsonNode.at()} with a pre-compiled pointer as the floor. Inputs are converted
 * once in {@link #setup()}: IML gets {@link Value}s, JSONata plain Maps and Lists from its own
 * parser, Jackson a tree. Benchmark names are {@code <case>_<engine>} so that run-iml.sh can pair
 * them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ImlBenchmark {

    static final String BODY = buildBody();

    private EvalContext ctx;
    private Object jsonataInput;
    private JsonNode jacksonInput;

    private CompiledTemplate imlPath;
    private CompiledTemplate imlInterpolate;
    private CompiledTemplate imlDate;
    private CompiledTemplate imlJoin;
    private CompiledExpression imlIterate;
    private CompiledTemplate imlOutput;

    private Jsonata jsonataPath;
    private Jsonata jsonataInterpolate;
    private Jsonata jsonataDate;
    private Jsonata jsonataJoin;
    private Jsonata jsonataIterate;

    private JsonPointer pointer;

    static String buildBody() {
        StringBuilder sb = new StringBuilder();
        sb.append("{\"user\":{\"id\":42,\"name\":\"Ann Smith\",\"email\":\"ann@example.com\"},");
        sb.append("\"order\":{\"id\":\"A-1001\",\"total\":99.5},\"ts\":\"1482940986\",\"items\":[");
        for (int i = 0; i < 100; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append("{\"id\":")
                    .append(i)
                    .append(",\"name\":\"item ")
                    .append(i)
                    .append("\",\"qty\":")
                    .append(i % 7 + 1)
                    .append(",\"price\":")
                    .append(i)
                    .append(".25}");
        }
        return sb.append("]}").toString();
    }

    @Setup
    public void setup() {
        JsonMapper mapper = JsonMapper.builder().build();
        jacksonInput = mapper.readTree(BODY);
        ctx = EvalContext.builder().variable("body", Values.fromJson(jacksonInput)).build();
        jsonataInput = Json.parseJson(BODY);
        pointer = JsonPointer.compile("/user/id");

        Iml iml = Iml.standard();
        imlPath = iml.compileString("{{body.user.id}}", "bench.path");
        imlInterpolate =
                iml.compileString(
                        "Order {{body.order.id}} for {{body.user.name}} ({{body.user.email}}) at {{body.order.total}}",
                        "bench.interpolate");
        imlDate =
                iml.compileString(
                        "{{formatDate(parseDate(body.ts, 'X'), 'YYYY-MM-DD')}}", "bench.date");
        imlJoin = iml.compileString("{{join(map(body.items, 'id'), ',')}}", "bench.join");
        imlIterate = iml.compileExpression("body.items", "bench.iterate");
        imlOutput =
                iml.compile(
                        mapper.readTree(
                                "{\"id\":\"{{item.id}}\",\"name\":\"{{upper(item.name)}}\",\"total\":\"{{item.qty * item.price}}\"}"),
                        "bench.output");

        jsonataPath = Jsonata.jsonata("user.id");
        jsonataInterpolate =
                Jsonata.jsonata(
                        "'Order ' & order.id & ' for ' & user.name & ' (' & user.email & ') at ' & order.total");
        jsonataDate = Jsonata.jsonata("$fromMillis($number(ts) * 1000, '[Y0001]-[M01]-[D01]')");
        jsonataJoin = Jsonata.jsonata("$join(items.($string(id)), ',')");
        jsonataIterate =
                Jsonata.jsonata("items.{'id': id, 'name': $uppercase(name), 'total': qty * price}");

        check();
    }

    /**
     * Refuses to measure engines that disagree, so a broken expression cannot produce a fast
     * number.
     */
    private void check() {
        require(Values.text(path_iml()).equals(String.valueOf(path_jsonata())), "path");
        require(path_jackson().asInt() == 42, "jackson path");
        require(Values.text(interpolate_iml()).equals(interpolate_jsonata()), "interpolate");
        require(Values.text(date_iml()).equals(date_jsonata()), "date");
        require(Values.text(join_iml()).equals(join_jsonata()), "join");
        require(iterate_iml().size() == ((List<?>) iterate_jsonata()).size(), "iterate");
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("engines disagree on " + what);
        }
    }

    @Benchmark
    public Value path_iml() {
        return imlPath.evaluate(ctx);
    }

    @Benchmark
    public Object path_jsonata() {
        return jsonataPath.evaluate(jsonataInput);
    }

    @Benchmark
    public JsonNode path_jackson() {
        return jacksonInput.at(pointer);
    }

    @Benchmark
    public Value interpolate_iml() {
        return imlInterpolate.evaluate(ctx);
    }

    @Benchmark
    public Object interpolate_jsonata() {
        return jsonataInterpolate.evaluate(jsonataInput);
    }

    @Benchmark
    public Value date_iml() {
        return imlDate.evaluate(ctx);
    }

    @Benchmark
    public Object date_jsonata() {
        return jsonataDate.evaluate(jsonataInput);
    }

    @Benchmark
    public Value join_iml() {
        return imlJoin.evaluate(ctx);
    }

    @Benchmark
    public Object join_jsonata() {
        return jsonataJoin.evaluate(jsonataInput);
    }

    @Benchmark
    public List<Value> iterate_iml() {
        ArrayValue items = (ArrayValue) imlIterate.evaluate(ctx);
        List<Value> bundles = new ArrayList<>(items.size());
        for (Value item : items.items()) {
            bundles.add(imlOutput.evaluate(ctx.with("item", item)));
        }
        return bundles;
    }

    @Benchmark
    public Object iterate_jsonata() {
        return jsonataIterate.evaluate(jsonataInput);
    }
}
