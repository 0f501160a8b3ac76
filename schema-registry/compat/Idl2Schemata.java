import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.avro.Schema;
import org.apache.avro.idl.IdlFile;
import org.apache.avro.idl.IdlReader;

/**
 * What {@code avro-tools idl2schemata IDL DIR} does (the kpnnl/avro-tools image the kafkajs suite runs
 * under Docker): parses an Avro IDL file with Avro's own IdlReader and writes each named schema to
 * {@code DIR/<name>.avsc}. Run as a single-file program by run-kafkajs-suite.sh.
 */
public final class Idl2Schemata {
  public static void main(String[] args) throws IOException {
    IdlFile idl = new IdlReader().parse(Path.of(args[0]));
    Path out = Path.of(args[1]);
    Files.createDirectories(out);
    for (Schema s : idl.getNamedSchemas().values()) {
      Files.writeString(out.resolve(s.getName() + ".avsc"), s.toString(true), StandardCharsets.UTF_8);
    }
  }
}
