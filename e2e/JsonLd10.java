// A JSON-LD 1.0 reader for e2e/linkeddata.test.mjs: jsonld-java (Debian's
// libjsonld-java), the JSON-LD 1.0 processor behind Jena's 1.0 reader.
// Usage: java -cp JARS JsonLd10.java [--context URL FILE] IN OUT [IN OUT...]
// converts each JSON-LD file IN to N-Quads in OUT, in one JVM start. No
// network: a remote context is refused unless --context maps its URL to a
// file. A document the processor rejects gets OUT.error with the message
// instead of OUT; the exit status is 0 unless the arguments are wrong.
import com.github.jsonldjava.core.DocumentLoader;
import com.github.jsonldjava.core.JsonLdError;
import com.github.jsonldjava.core.JsonLdOptions;
import com.github.jsonldjava.core.JsonLdProcessor;
import com.github.jsonldjava.core.RemoteDocument;
import com.github.jsonldjava.utils.JsonUtils;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

public class JsonLd10 {
  public static void main(String[] args) throws Exception {
    int i = 0;
    String ctxURL = null;
    Object ctx = null;
    if (args.length > 0 && args[0].equals("--context")) {
      ctxURL = args[1];
      ctx = JsonUtils.fromInputStream(Files.newInputStream(Path.of(args[2])));
      i = 3;
    }
    if ((args.length - i) % 2 != 0 || args.length == i) {
      System.err.println("usage: JsonLd10 [--context URL FILE] IN OUT [IN OUT...]");
      System.exit(2);
    }
    final String url0 = ctxURL;
    final Object ctx0 = ctx;
    JsonLdOptions opts = new JsonLdOptions();
    opts.format = "application/n-quads";
    opts.setDocumentLoader(new DocumentLoader() {
      @Override public RemoteDocument loadDocument(String url) throws JsonLdError {
        if (url.equals(url0)) return new RemoteDocument(url, ctx0);
        throw new JsonLdError(JsonLdError.Error.LOADING_REMOTE_CONTEXT_FAILED, "no network in tests: " + url);
      }
    });
    for (; i < args.length; i += 2) {
      Path out = Path.of(args[i + 1]);
      try {
        Object doc = JsonUtils.fromInputStream(Files.newInputStream(Path.of(args[i])));
        Files.writeString(out, (String) JsonLdProcessor.toRDF(doc, opts), StandardCharsets.UTF_8);
      } catch (Exception e) {
        Files.writeString(Path.of(args[i + 1] + ".error"), e.toString(), StandardCharsets.UTF_8);
      }
    }
  }
}
