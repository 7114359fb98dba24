package io.github.uvlambda.deploy;

import io.github.uvlambda.BuildLog;
import io.github.uvlambda.archive.ReproducibleZipWriter;
import io.github.uvlambda.build.CodePackager;
import io.github.uvlambda.build.LayerBuilder;
import io.github.uvlambda.deploy.aws.AwsConnection;
import io.github.uvlambda.deploy.aws.RetryTiming;
import io.github.uvlambda.deploy.aws.S3Target;
import io.github.uvlambda.deploy.reconcile.RemovalOptions;
import io.github.uvlambda.function.FunctionConfigResolver;
import io.github.uvlambda.function.FunctionSettings;
import io.github.uvlambda.function.FunctionSpec;
import io.github.uvlambda.testing.MotoServer;
import io.github.uvlambda.testing.RecordingInterceptor;
import io.github.uvlambda.testing.TestProject;
import io.github.uvlambda.testing.TestWheel;
import io.github.uvlambda.uv.LockFiles;
import io.github.uvlambda.wheel.FetchSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;

/**
 * A project of Lambda functions deployed to a real moto_server: a lambdas directory with one
 * dependency, function specs resolved the way the Mojo resolves them, the zips built by the real
 * builders, and the deploy and destroy run with a recording interceptor.
 */
final class MotoProject {
  static final String PROJECT = "it.group:it-project";

  final MotoServer moto;
  final Path tmp;
  final Path lambdas;
  final RecordingInterceptor recorder = new RecordingInterceptor();
  final List<String> logLines = new CopyOnWriteArrayList<>();
  final BuildLog log =
      new BuildLog() {
        @Override
        public void debug(String m) {
          logLines.add("DEBUG " + m);
        }

        @Override
        public void info(String m) {
          logLines.add(m);
        }

        @Override
        public void warn(String m) {
          logLines.add("WARN " + m);
        }
      };
  String layerContent = "VERSION = 1\n";

  MotoProject(MotoServer moto, Path tmp) throws IOException {
    this.moto = moto;
    this.tmp = tmp;
    this.lambdas = tmp.resolve("lambdas");
    writeLock();
  }

  /** Rewrites the lock and its one wheel: a new {@code layerContent} is a new deps.zip. */
  void writeLock() throws IOException {
    writeLock("dep", "1.0", new TestWheel("dep", "1.0").file("dep/__init__.py", layerContent));
  }

  /** Rewrites the lock with this package and wheel as group fn's one dependency. */
  void writeLock(String name, String version, TestWheel wheel) throws IOException {
    new TestProject(lambdas).add(name, version, wheel).write();
  }

  void source(String function, String body) throws IOException {
    Files.createDirectories(lambdas.resolve(function));
    Files.writeString(
        lambdas.resolve(function + "/handler.py"), "def handler(e, c):\n    " + body + "\n");
  }

  /**
   * A function as the POM would configure it; {@code edit} sets FunctionSettings fields by name.
   */
  FunctionSpec spec(String name, UnaryOperator<Map<String, Object>> edit) throws IOException {
    if (!Files.exists(lambdas.resolve(name + "/handler.py"))) {
      source(name, "return 1");
    }
    Map<String, Object> v = new HashMap<>();
    v.put("functionName", name);
    v.put("lambdasDir", lambdas.toString());
    v.put("sourceDir", lambdas.resolve(name).toString());
    v.put("dependencyGroup", "fn");
    v.put("pythonVersion", "3.12");
    v.put("tags", Map.of("team", "payments"));
    v.put("environmentVariables", Map.of("STAGE", "test"));
    edit.apply(v);
    FunctionSettings.Builder b = FunctionSettings.builder();
    for (FunctionSettings.Field<?> field : FunctionSettings.fields()) {
      // nested fields by their flattened name: durableConfig/executionTimeout as
      // durableExecutionTimeout
      set(b, field, v.get(field.parameter().replace("Config/e", "E").replace("Config/r", "R")));
    }
    return new FunctionConfigResolver(tmp)
        .resolve(FunctionSettings.empty(), List.of(b.build()))
        .get(0);
  }

  @SuppressWarnings("unchecked")
  private static <T> void set(FunctionSettings.Builder b, FunctionSettings.Field<T> f, Object v) {
    b.set(f, (T) v);
  }

  FunctionArtifacts artifacts(FunctionSpec f) {
    return artifacts(f, BuildLog.SILENT);
  }

  /** The zips of a function, with what their builders say going to {@code buildLog}. */
  FunctionArtifacts artifacts(FunctionSpec f, BuildLog buildLog) {
    Path out = tmp.resolve("target/uv-lambda").resolve(f.functionName());
    LayerBuilder.Result layer =
        new LayerBuilder(buildLog)
            .build(
                new LayerBuilder.Request(
                    f.functionName(),
                    LockFiles.read(lambdas),
                    f.dependencyGroup(),
                    f.excludePackages(),
                    f.runtime(),
                    out.resolve("deps.zip"),
                    ReproducibleZipWriter.DEFAULT_TIME,
                    FetchSettings.direct(lambdas)
                        .withIndex(lambdas.resolve("index/simple").toUri().toString()),
                    tmp.resolve("cache"),
                    LayerBuilder.Installer.JAVA,
                    null,
                    "test"));
    CodePackager.Result code =
        new CodePackager(buildLog)
            .packageCode(
                CodePackager.Request.of(
                    f, out.resolve("code.zip"), ReproducibleZipWriter.DEFAULT_TIME));
    return new FunctionArtifacts(f, code.zip(), code.unzippedSize(), layer.zip(), layer.report());
  }

  /** What tests vary in the deploy settings; the defaults are a plain deploy against moto. */
  static final class Settings {
    String endpoint;
    String project = PROJECT;
    boolean dryRun;
    boolean failOnChanges;
    String bucket;
    boolean s3All;
    boolean adopt;
    boolean recreate;
    int keepVersions = DeploySettings.DEFAULT_KEEP_VERSIONS;
    RemovalOptions removal = RemovalOptions.NONE;
    int threads = 2;
  }

  DeploySettings settings() {
    return settings(s -> {});
  }

  DeploySettings settings(java.util.function.Consumer<Settings> edit) {
    Settings s = new Settings();
    s.endpoint = moto.url();
    edit.accept(s);
    return new DeploySettings(
        new AwsConnection("us-east-1", null, s.endpoint, "standard"),
        s.project,
        s.dryRun,
        s.failOnChanges,
        new S3Target(s.bucket, "lambda/", s.s3All),
        s.adopt,
        s.recreate,
        s.keepVersions,
        s.removal,
        s.threads,
        tmp.resolve("target/uv-lambda"));
  }

  static RetryTiming fastRetries() {
    return new RetryTiming(Duration.ofSeconds(20), Duration.ofMillis(50), Duration.ofMillis(200));
  }

  List<FunctionOutputs> deploy(DeploySettings s, FunctionSpec... functions) {
    List<FunctionArtifacts> a = new ArrayList<>();
    for (FunctionSpec f : functions) {
      a.add(artifacts(f));
    }
    return deploy(s, a);
  }

  /** Deploys zips already built, with the recorder and the log cleared first. */
  List<FunctionOutputs> deploy(DeploySettings s, List<FunctionArtifacts> artifacts) {
    recorder.clear();
    logLines.clear();
    return new Deployer(log, List.of(recorder), fastRetries()).deploy(artifacts, s);
  }

  DestroySettings destroySettings(boolean deleteLogs, boolean deleteQueuedMessages) {
    return new DestroySettings(
        new AwsConnection("us-east-1", null, moto.url(), "standard"),
        PROJECT,
        false,
        deleteLogs,
        deleteQueuedMessages,
        tmp.resolve("target/uv-lambda"));
  }

  void destroy(DestroySettings s, FunctionSpec... functions) {
    recorder.clear();
    logLines.clear();
    new Destroyer(log, List.of(recorder), fastRetries()).destroy(List.of(functions), s);
  }

  <B extends AwsClientBuilder<B, C>, C> C client(B builder) {
    return builder
        .region(Region.US_EAST_1)
        .endpointOverride(URI.create(moto.url()))
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
        .build();
  }
}
