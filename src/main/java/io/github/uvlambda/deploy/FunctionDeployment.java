package io.github.uvlambda.deploy;

import io.github.uvlambda.BuildLog;
import io.github.uvlambda.archive.Hashes;
import io.github.uvlambda.function.FunctionSpec;
import io.github.uvlambda.function.InlinePolicy;
import io.github.uvlambda.lambda.TracingMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.lambda.model.Architecture;
import software.amazon.awssdk.services.lambda.model.DeadLetterConfig;
import software.amazon.awssdk.services.lambda.model.DurableConfig;
import software.amazon.awssdk.services.lambda.model.FunctionCode;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.LayerVersionContentInput;
import software.amazon.awssdk.services.lambda.model.LayerVersionsListItem;
import software.amazon.awssdk.services.lambda.model.PublishLayerVersionResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.TracingConfig;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * Reconciles one function: reads what exists (log group, role, queue, layer, function, alias),
 * compares it with what the configuration asks for, and — unless it is a dry run — changes only
 * what differs, in the order log group, role, dead-letter queue, layer, function, version and
 * alias. Nothing is written before every read and check of every function has passed.
 */
final class FunctionDeployment {
  private static final String DURABLE_TAG = "uv-lambda-durable";
  private static final String DLQ_RETENTION = "1209600";

  private final AwsClients aws;
  private final AccountContext account;
  private final FunctionArtifacts artifacts;
  private final FunctionSpec f;
  private final DeploySettings settings;
  private final BuildLog log;
  private final Retries retries;
  private final S3Uploads uploads;

  // Desired
  private final String logGroupName;
  private final String logGroupArn;
  private final String queueName;
  private final String queueArn;
  private final String roleArn;
  private final Map<String, String> tags;
  private final String codeSha;
  private final String layerSha;

  // Observed
  private LogGroup logGroup;
  private Map<String, String> logGroupTags = Map.of();
  private Role role;
  private Map<String, String> rolePolicies = new TreeMap<>();
  private Set<String> attachedPolicies = new TreeSet<>();
  private String queueUrl;
  private Map<String, String> queueAttributes = Map.of();
  private Map<String, String> queueTags = Map.of();
  private LayerVersionsListItem latestLayer;
  private String latestLayerSha;
  private FunctionConfiguration function;
  private Map<String, String> functionTags = Map.of();
  private String aliasVersion;
  private String aliasArn;
  private GetFunctionConfigurationResponse aliasConfiguration;

  // Plan
  private final List<Change> changes = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();
  private boolean recreateFunction;
  private boolean publishLayer;
  private final List<String> codeChanges = new ArrayList<>();
  private final List<String> configChanges = new ArrayList<>();
  private final List<String> done = new ArrayList<>();

  FunctionDeployment(
      AwsClients aws,
      AccountContext account,
      FunctionArtifacts artifacts,
      DeploySettings settings,
      Retries retries,
      S3Uploads uploads,
      BuildLog log) {
    this.aws = aws;
    this.account = account;
    this.artifacts = artifacts;
    this.f = artifacts.spec();
    this.settings = settings;
    this.retries = retries;
    this.uploads = uploads;
    this.log = log;
    this.logGroupName = "/aws/lambda/" + f.functionName();
    this.logGroupArn = account.arn("logs", "log-group:" + logGroupName);
    this.queueName = f.functionName() + "-dlq";
    this.queueArn = account.arn("sqs", queueName);
    this.roleArn = account.roleArn(f.roleName());
    Map<String, String> t = new TreeMap<>(f.tags());
    t.put(DeploySettings.MANAGED_BY_KEY, DeploySettings.MANAGED_BY_VALUE);
    this.tags = Map.copyOf(t);
    this.codeSha = Hashes.codeSha256(artifacts.codeZip());
    this.layerSha = hasLayer() ? Hashes.codeSha256(artifacts.layerZip()) : null;
  }

  String name() {
    return f.functionName();
  }

  List<Change> changes() {
    return changes;
  }

  List<String> problems() {
    return problems;
  }

  List<String> done() {
    return done;
  }

  private boolean hasLayer() {
    return artifacts.layerZip() != null
        && artifacts.layerReport() != null
        && !artifacts.layerReport().hasNoPackages();
  }

  private static String shortSha(String base64) {
    return base64 == null ? "none" : base64.substring(0, Math.min(8, base64.length())) + "…";
  }

  // ================================================================== read and plan

  void plan() {
    readLogGroup();
    readRole();
    if (f.enableDlq()) {
      readQueue();
    }
    if (hasLayer()) {
      readLayer();
    }
    readFunction();
    if (f.publishesVersion()) {
      readAlias();
    }
    planLogGroup();
    planRole();
    planQueue();
    planLayer();
    planFunction();
    planVersion();
  }

  private void ownership(String kind, String name, Map<String, String> existingTags) {
    if (!DeploySettings.MANAGED_BY_VALUE.equals(existingTags.get(DeploySettings.MANAGED_BY_KEY))
        && !settings.adoptExisting()) {
      problems.add(
          kind
              + " "
              + name
              + " already exists but was not created by uv-lambda-maven-plugin (it has no "
              + DeploySettings.MANAGED_BY_KEY
              + "="
              + DeploySettings.MANAGED_BY_VALUE
              + " tag). Rename the function, or set"
              + " <adoptExisting>true</adoptExisting> (-Duv-lambda.adoptExisting=true) to take it over.");
    }
  }

  private void readLogGroup() {
    logGroup =
        aws.logs().describeLogGroups(b -> b.logGroupNamePrefix(logGroupName)).logGroups().stream()
            .filter(g -> g.logGroupName().equals(logGroupName))
            .findFirst()
            .orElse(null);
    if (logGroup != null) {
      logGroupTags = aws.logs().listTagsForResource(b -> b.resourceArn(logGroupArn)).tags();
      ownership("Log group", logGroupName, logGroupTags);
    }
  }

  private void readRole() {
    try {
      role = aws.iam().getRole(b -> b.roleName(f.roleName())).role();
    } catch (NoSuchEntityException e) {
      role = null;
      return;
    }
    Map<String, String> t = new TreeMap<>();
    if (role.tags() != null) {
      for (Tag tag : role.tags()) {
        t.put(tag.key(), tag.value());
      }
    }
    ownership("IAM role", f.roleName(), t);
    for (String policy : aws.iam().listRolePolicies(b -> b.roleName(f.roleName())).policyNames()) {
      rolePolicies.put(
          policy,
          Policies.decode(
              aws.iam()
                  .getRolePolicy(b -> b.roleName(f.roleName()).policyName(policy))
                  .policyDocument()));
    }
    for (AttachedPolicy p :
        aws.iam().listAttachedRolePolicies(b -> b.roleName(f.roleName())).attachedPolicies()) {
      attachedPolicies.add(p.policyArn());
    }
  }

  private Map<String, String> roleTags() {
    Map<String, String> t = new TreeMap<>();
    if (role != null && role.tags() != null) {
      role.tags().forEach(tag -> t.put(tag.key(), tag.value()));
    }
    return t;
  }

  private void readQueue() {
    try {
      queueUrl = aws.sqs().getQueueUrl(b -> b.queueName(queueName)).queueUrl();
    } catch (QueueDoesNotExistException e) {
      queueUrl = null;
      return;
    }
    Map<String, String> attributes = new TreeMap<>();
    aws.sqs()
        .getQueueAttributes(
            b ->
                b.queueUrl(queueUrl)
                    .attributeNames(
                        QueueAttributeName.QUEUE_ARN, QueueAttributeName.MESSAGE_RETENTION_PERIOD))
        .attributes()
        .forEach((k, v) -> attributes.put(k.toString(), v));
    queueAttributes = attributes;
    queueTags = aws.sqs().listQueueTags(b -> b.queueUrl(queueUrl)).tags();
    ownership("SQS queue", queueName, queueTags);
  }

  private void readLayer() {
    try {
      String marker = null;
      do {
        String m = marker;
        var page = aws.lambda().listLayerVersions(b -> b.layerName(f.layerName()).marker(m));
        for (LayerVersionsListItem item : page.layerVersions()) {
          if (latestLayer == null || item.version() > latestLayer.version()) {
            latestLayer = item;
          }
        }
        marker = page.nextMarker();
      } while (marker != null);
    } catch (ResourceNotFoundException e) {
      latestLayer = null;
    }
    if (latestLayer != null) {
      latestLayerSha =
          aws.lambda()
              .getLayerVersion(b -> b.layerName(f.layerName()).versionNumber(latestLayer.version()))
              .content()
              .codeSha256();
    }
  }

  private void readFunction() {
    try {
      GetFunctionResponse r = aws.lambda().getFunction(b -> b.functionName(f.functionName()));
      function = r.configuration();
      functionTags = r.tags() == null ? Map.of() : r.tags();
      ownership("Lambda function", f.functionName(), functionTags);
    } catch (ResourceNotFoundException e) {
      function = null;
    }
  }

  private void readAlias() {
    if (function == null) {
      return;
    }
    try {
      var alias = aws.lambda().getAlias(b -> b.functionName(f.functionName()).name(f.aliasName()));
      aliasVersion = alias.functionVersion();
      aliasArn = alias.aliasArn();
      aliasConfiguration =
          aws.lambda()
              .getFunctionConfiguration(
                  b -> b.functionName(f.functionName()).qualifier(aliasVersion));
    } catch (ResourceNotFoundException e) {
      aliasVersion = null;
    }
  }

  private void planLogGroup() {
    String r = "log group " + logGroupName;
    if (logGroup == null) {
      changes.add(Change.create(r, "retention " + f.logRetentionDays() + " days"));
      return;
    }
    if (!Objects.equals(logGroup.retentionInDays(), f.logRetentionDays())) {
      changes.add(
          Change.update(
              r, "retention " + logGroup.retentionInDays() + "→" + f.logRetentionDays() + " days"));
    }
    if (!tagDiff(logGroupTags).isEmpty()) {
      changes.add(Change.update(r, "tags " + tagDiff(logGroupTags)));
    }
  }

  private Map<String, String> desiredInlinePolicies() {
    Map<String, String> p = new TreeMap<>();
    p.put(
        Policies.PREFIX + "logs",
        Policies.allow(List.of("logs:CreateLogStream", "logs:PutLogEvents"), logGroupArn + ":*"));
    if (f.tracingMode() == TracingMode.ACTIVE) {
      p.put(
          Policies.PREFIX + "xray",
          Policies.allow(List.of("xray:PutTraceSegments", "xray:PutTelemetryRecords"), "*"));
    }
    if (f.enableDlq()) {
      p.put(Policies.PREFIX + "dlq", Policies.allow(List.of("sqs:SendMessage"), queueArn));
    }
    if (f.enableDurableExecution()) {
      p.put(
          Policies.PREFIX + "durable",
          Policies.allow(
              List.of("lambda:CheckpointDurableExecution", "lambda:GetDurableExecutionState"),
              account.arn("lambda", "function:" + f.functionName() + ":*")));
    }
    for (InlinePolicy user : f.inlinePolicies()) {
      p.put(user.name(), user.document());
    }
    return p;
  }

  private void planRole() {
    String r = "role " + f.roleName();
    if (role == null) {
      changes.add(
          Change.create(
              r,
              "trust lambda.amazonaws.com; inline policies "
                  + desiredInlinePolicies().keySet()
                  + (f.managedPolicyArns().isEmpty() ? "" : "; managed " + f.managedPolicyArns())));
      return;
    }
    if (!Policies.sameMeaning(role.assumeRolePolicyDocument(), Policies.trust())) {
      changes.add(Change.update(r, "trust policy (lambda.amazonaws.com)"));
    }
    Map<String, String> roleTags = roleTags();
    if (!tagDiff(roleTags).isEmpty()) {
      changes.add(Change.update(r, "tags " + tagDiff(roleTags)));
    }
    desiredInlinePolicies()
        .forEach(
            (name, doc) -> {
              String have = rolePolicies.get(name);
              if (have == null) {
                changes.add(Change.update(r, "add inline policy " + name));
              } else if (!Policies.sameMeaning(have, doc)) {
                changes.add(Change.update(r, "change inline policy " + name));
              }
            });
    for (String name : rolePolicies.keySet()) {
      if (name.startsWith(Policies.PREFIX) && !desiredInlinePolicies().containsKey(name)) {
        changes.add(Change.update(r, "remove inline policy " + name));
      }
    }
    for (String arn : f.managedPolicyArns()) {
      if (!attachedPolicies.contains(arn)) {
        changes.add(Change.update(r, "attach " + arn));
      }
    }
  }

  private void planQueue() {
    if (!f.enableDlq()) {
      return;
    }
    String r = "SQS queue " + queueName;
    if (queueUrl == null) {
      changes.add(Change.create(r, "dead-letter queue, messages kept 14 days"));
      return;
    }
    if (!DLQ_RETENTION.equals(
        queueAttributes.get(QueueAttributeName.MESSAGE_RETENTION_PERIOD.toString()))) {
      changes.add(Change.update(r, "message retention → 14 days"));
    }
    if (!tagDiff(queueTags).isEmpty()) {
      changes.add(Change.update(r, "tags " + tagDiff(queueTags)));
    }
  }

  private void planLayer() {
    if (!hasLayer()) {
      return;
    }
    String r = "layer " + f.layerName();
    if (latestLayer == null) {
      publishLayer = true;
      changes.add(Change.create(r, "version 1 (deps.zip sha256 " + shortSha(layerSha) + ")"));
      return;
    }
    boolean runtimeOk =
        latestLayer.compatibleRuntimesAsStrings().isEmpty()
            || latestLayer.compatibleRuntimesAsStrings().contains(f.runtime().id());
    boolean archOk =
        latestLayer.compatibleArchitecturesAsStrings().isEmpty()
            || latestLayer.compatibleArchitecturesAsStrings().contains(f.architecture().awsName());
    if (!layerSha.equals(latestLayerSha)) {
      publishLayer = true;
      changes.add(
          Change.update(
              r,
              "new version (deps.zip sha256 "
                  + shortSha(latestLayerSha)
                  + "→"
                  + shortSha(layerSha)
                  + ")"));
    } else if (!runtimeOk || !archOk) {
      publishLayer = true;
      changes.add(
          Change.update(r, "new version (compatible runtime/architecture " + f.runtime() + ")"));
    }
  }

  /**
   * The layer version ARNs the function should have, with the deps layer's current version when
   * known.
   */
  private List<String> desiredLayers(String depsLayerVersionArn) {
    List<String> l = new ArrayList<>();
    if (depsLayerVersionArn != null) {
      l.add(depsLayerVersionArn);
    }
    if (f.powertoolsLayerArn() != null) {
      l.add(f.powertoolsLayerArn());
    }
    l.addAll(f.additionalLayers());
    return l;
  }

  /** Layers compared by name and version: emulators rewrite the account of foreign layer ARNs. */
  private static List<String> layerKeys(List<String> arns) {
    List<String> out = new ArrayList<>();
    for (String arn : arns) {
      String[] p = arn.split(":");
      out.add(p.length >= 8 ? p[3] + ":" + p[6] + ":" + p[7] : arn);
    }
    return out;
  }

  private Optional<DurableConfig> currentDurable() {
    if (function != null && function.durableConfig() != null) {
      return Optional.of(function.durableConfig());
    }
    String tag = functionTags.get(DURABLE_TAG);
    if (tag == null) {
      return Optional.empty();
    }
    // An emulator that drops DurableConfig: trust the tag the plugin wrote at creation.
    String[] parts = tag.split("/");
    return Optional.of(
        DurableConfig.builder()
            .executionTimeout(Integer.valueOf(parts[0]))
            .retentionPeriodInDays(Integer.valueOf(parts[1]))
            .build());
  }

  private String durableTagValue() {
    return f.durableConfig().executionTimeout() + "/" + f.durableConfig().retentionPeriod();
  }

  private Map<String, String> desiredFunctionTags() {
    Map<String, String> t = new TreeMap<>(tags);
    if (f.enableDurableExecution()) {
      t.put(DURABLE_TAG, durableTagValue());
    }
    return t;
  }

  private void planFunction() {
    String r = "function " + f.functionName();
    if (function != null && f.enableDurableExecution() && currentDurable().isEmpty()) {
      if (!settings.recreate()) {
        problems.add(
            "Lambda function "
                + f.functionName()
                + " exists without durable execution, and Lambda can only enable it when a"
                + " function is created. Set <recreate>true</recreate> (-Duv-lambda.recreate=true) to delete and recreate it"
                + " (its versions and aliases are lost), or turn <enableDurableExecution> off.");
        return;
      }
      recreateFunction = true;
      changes.add(
          Change.delete(
              r, "recreate: durable execution can only be enabled when a function is created"));
    }
    if (function == null || recreateFunction) {
      changes.add(
          Change.create(
              r,
              f.runtime()
                  + ", handler "
                  + f.handler()
                  + ", "
                  + f.memorySize()
                  + " MB, "
                  + f.timeout()
                  + " s"));
      return;
    }
    if (!codeSha.equals(function.codeSha256())) {
      codeChanges.add("code sha256 " + shortSha(function.codeSha256()) + "→" + shortSha(codeSha));
    }
    List<String> archs = function.architecturesAsStrings();
    if (!(archs.isEmpty() ? List.of("x86_64") : archs)
        .equals(List.of(f.architecture().awsName()))) {
      codeChanges.add("architecture " + archs + "→" + f.architecture().awsName());
    }
    compare("runtime", function.runtimeAsString(), f.runtime().id());
    compare("handler", function.handler(), f.handler());
    compare("role", function.role(), roleArn);
    compare("description", nullToEmpty(function.description()), f.description());
    compare("timeout", function.timeout(), f.timeout());
    compare("memorySize", function.memorySize(), f.memorySize());
    Map<String, String> env =
        function.environment() == null || function.environment().variables() == null
            ? Map.of()
            : function.environment().variables();
    if (!new TreeMap<>(env).equals(new TreeMap<>(f.environmentVariables()))) {
      configChanges.add(
          "environmentVariables "
              + new TreeSet<>(env.keySet())
              + "→"
              + new TreeSet<>(f.environmentVariables().keySet()));
    }
    List<String> currentLayers =
        function.layers() == null
            ? List.of()
            : function.layers().stream().map(l -> l.arn()).toList();
    String depsArn =
        publishLayer ? "(new)" : latestLayer == null ? null : latestLayer.layerVersionArn();
    if (publishLayer || !layerKeys(currentLayers).equals(layerKeys(desiredLayers(depsArn)))) {
      configChanges.add(
          "layers "
              + (publishLayer
                  ? "(new " + f.layerName() + " version)"
                  : layerKeys(currentLayers) + "→" + layerKeys(desiredLayers(depsArn))));
    }
    String tracing =
        function.tracingConfig() == null || function.tracingConfig().modeAsString() == null
            ? "PassThrough"
            : function.tracingConfig().modeAsString();
    compare("tracingMode", tracing, f.tracingMode().awsName());
    String dlq =
        function.deadLetterConfig() == null
            ? null
            : emptyToNull(function.deadLetterConfig().targetArn());
    compare("deadLetterConfig", dlq, f.enableDlq() ? queueArn : null);
    if (f.enableDurableExecution()) {
      DurableConfig d = currentDurable().orElseThrow();
      if (!Objects.equals(d.executionTimeout(), f.durableConfig().executionTimeout())
          || !Objects.equals(d.retentionPeriodInDays(), f.durableConfig().retentionPeriod())) {
        configChanges.add(
            "durableConfig "
                + d.executionTimeout()
                + "s/"
                + d.retentionPeriodInDays()
                + "d→"
                + f.durableConfig().executionTimeout()
                + "s/"
                + f.durableConfig().retentionPeriod()
                + "d");
      }
    }
    if (!codeChanges.isEmpty()) {
      changes.add(Change.update(r, String.join(", ", codeChanges)));
    }
    if (!configChanges.isEmpty()) {
      changes.add(Change.update(r, String.join(", ", configChanges)));
    }
    if (!tagDiff(functionTags, desiredFunctionTags()).isEmpty()) {
      changes.add(Change.update(r, "tags " + tagDiff(functionTags, desiredFunctionTags())));
    }
  }

  private void compare(String field, Object have, Object want) {
    if (!Objects.equals(have, want)) {
      configChanges.add(field + " " + have + "→" + want);
    }
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  private boolean needsNewVersion() {
    if (!f.publishesVersion()) {
      return false;
    }
    if (function == null
        || recreateFunction
        || aliasVersion == null
        || aliasConfiguration == null) {
      return true;
    }
    if (!codeChanges.isEmpty() || !configChanges.isEmpty()) {
      return true;
    }
    // The alias may point at an older version than $LATEST: compare what the alias serves.
    GetFunctionConfigurationResponse v = aliasConfiguration;
    List<String> vLayers =
        v.layers() == null ? List.of() : v.layers().stream().map(l -> l.arn()).toList();
    Map<String, String> vEnv =
        v.environment() == null || v.environment().variables() == null
            ? Map.of()
            : v.environment().variables();
    return !codeSha.equals(v.codeSha256())
        || !layerKeys(vLayers)
            .equals(
                layerKeys(
                    desiredLayers(latestLayer == null ? null : latestLayer.layerVersionArn())))
        || !Objects.equals(v.handler(), f.handler())
        || !Objects.equals(v.runtimeAsString(), f.runtime().id())
        || !Objects.equals(v.memorySize(), f.memorySize())
        || !Objects.equals(v.timeout(), f.timeout())
        || !new TreeMap<>(vEnv).equals(new TreeMap<>(f.environmentVariables()));
  }

  private void planVersion() {
    if (!f.publishesVersion()) {
      return;
    }
    if (needsNewVersion()) {
      changes.add(
          Change.create(
              "version of " + f.functionName(),
              aliasVersion == null
                  ? "first published version"
                  : "code, configuration or layer changed since version " + aliasVersion));
      changes.add(
          aliasVersion == null
              ? Change.create("alias " + f.aliasName(), "→ the new version")
              : Change.update("alias " + f.aliasName(), aliasVersion + "→ the new version"));
    }
  }

  private Map<String, String> tagDiff(Map<String, String> have) {
    return tagDiff(have, tags);
  }

  /** What must change for the tags to equal {@code want}: key→value to set, key→null to remove. */
  private static Map<String, String> tagDiff(Map<String, String> have, Map<String, String> want) {
    Map<String, String> diff = new TreeMap<>();
    want.forEach(
        (k, v) -> {
          if (!v.equals(have.get(k))) {
            diff.put(k, v);
          }
        });
    have.keySet().stream()
        .filter(k -> !want.containsKey(k) && !k.startsWith("aws:"))
        .forEach(k -> diff.put(k, null));
    return diff;
  }

  // ================================================================== apply

  FunctionOutputs apply() {
    applyLogGroup();
    applyRole();
    applyQueue();
    Long layerVersion = latestLayer == null ? null : latestLayer.version();
    String layerVersionArn = latestLayer == null ? null : latestLayer.layerVersionArn();
    if (publishLayer) {
      PublishLayerVersionResponse p = publishLayerVersion();
      layerVersion = p.version();
      layerVersionArn = p.layerVersionArn();
      done.add("layer " + f.layerName() + " version " + p.version() + " published");
    }
    applyFunction(layerVersionArn);
    String publishedAliasArn = aliasArn;
    if (f.publishesVersion() && needsNewVersion()) {
      publishedAliasArn = publishAndMoveAlias();
    }
    return outputs(layerVersionArn, layerVersion, publishedAliasArn);
  }

  private void applyLogGroup() {
    if (logGroup == null) {
      try {
        aws.logs().createLogGroup(b -> b.logGroupName(logGroupName).tags(tags));
      } catch (
          software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException e) {
        log.debug(logGroupName + " appeared meanwhile");
      }
      aws.logs()
          .putRetentionPolicy(
              b -> b.logGroupName(logGroupName).retentionInDays(f.logRetentionDays()));
      done.add("log group created");
      return;
    }
    if (!Objects.equals(logGroup.retentionInDays(), f.logRetentionDays())) {
      aws.logs()
          .putRetentionPolicy(
              b -> b.logGroupName(logGroupName).retentionInDays(f.logRetentionDays()));
      done.add("log group retention set");
    }
    Map<String, String> diff = tagDiff(logGroupTags);
    if (!diff.isEmpty()) {
      Map<String, String> set = withoutNulls(diff);
      if (!set.isEmpty()) {
        aws.logs().tagResource(b -> b.resourceArn(logGroupArn).tags(set));
      }
      List<String> remove = removed(diff);
      if (!remove.isEmpty()) {
        aws.logs().untagResource(b -> b.resourceArn(logGroupArn).tagKeys(remove));
      }
      done.add("log group tags set");
    }
  }

  private static Map<String, String> withoutNulls(Map<String, String> diff) {
    Map<String, String> m = new LinkedHashMap<>();
    diff.forEach(
        (k, v) -> {
          if (v != null) {
            m.put(k, v);
          }
        });
    return m;
  }

  private static List<String> removed(Map<String, String> diff) {
    return diff.entrySet().stream()
        .filter(e -> e.getValue() == null)
        .map(Map.Entry::getKey)
        .toList();
  }

  private List<Tag> iamTags(Map<String, String> m) {
    return m.entrySet().stream()
        .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
        .toList();
  }

  private void applyRole() {
    if (role == null) {
      aws.iam()
          .createRole(
              b ->
                  b.roleName(f.roleName())
                      .assumeRolePolicyDocument(Policies.trust())
                      .tags(iamTags(tags))
                      .description(
                          "Execution role of the Lambda function "
                              + f.functionName()
                              + " (uv-lambda-maven-plugin)"));
      done.add("role created");
    } else {
      if (!Policies.sameMeaning(role.assumeRolePolicyDocument(), Policies.trust())) {
        aws.iam()
            .updateAssumeRolePolicy(b -> b.roleName(f.roleName()).policyDocument(Policies.trust()));
      }
      Map<String, String> diff = tagDiff(roleTags());
      Map<String, String> set = withoutNulls(diff);
      if (!set.isEmpty()) {
        aws.iam().tagRole(b -> b.roleName(f.roleName()).tags(iamTags(set)));
      }
      if (!removed(diff).isEmpty()) {
        aws.iam().untagRole(b -> b.roleName(f.roleName()).tagKeys(removed(diff)));
      }
    }
    Map<String, String> desired = desiredInlinePolicies();
    desired.forEach(
        (name, doc) -> {
          String have = rolePolicies.get(name);
          if (have == null || !Policies.sameMeaning(have, doc)) {
            aws.iam()
                .putRolePolicy(b -> b.roleName(f.roleName()).policyName(name).policyDocument(doc));
            done.add("role policy " + name + " written");
          }
        });
    for (String name : rolePolicies.keySet()) {
      if (name.startsWith(Policies.PREFIX) && !desired.containsKey(name)) {
        aws.iam().deleteRolePolicy(b -> b.roleName(f.roleName()).policyName(name));
        done.add("role policy " + name + " removed");
      }
    }
    for (String arn : f.managedPolicyArns()) {
      if (!attachedPolicies.contains(arn)) {
        aws.iam().attachRolePolicy(b -> b.roleName(f.roleName()).policyArn(arn));
        done.add("policy " + arn + " attached");
      }
    }
  }

  private void applyQueue() {
    if (!f.enableDlq()) {
      return;
    }
    if (queueUrl == null) {
      queueUrl =
          aws.sqs()
              .createQueue(
                  b ->
                      b.queueName(queueName)
                          .attributes(
                              Map.of(QueueAttributeName.MESSAGE_RETENTION_PERIOD, DLQ_RETENTION))
                          .tags(tags))
              .queueUrl();
      done.add("dead-letter queue created");
      return;
    }
    if (!DLQ_RETENTION.equals(
        queueAttributes.get(QueueAttributeName.MESSAGE_RETENTION_PERIOD.toString()))) {
      aws.sqs()
          .setQueueAttributes(
              b ->
                  b.queueUrl(queueUrl)
                      .attributes(
                          Map.of(QueueAttributeName.MESSAGE_RETENTION_PERIOD, DLQ_RETENTION)));
    }
    Map<String, String> diff = tagDiff(queueTags);
    if (!withoutNulls(diff).isEmpty()) {
      aws.sqs().tagQueue(b -> b.queueUrl(queueUrl).tags(withoutNulls(diff)));
    }
    if (!removed(diff).isEmpty()) {
      aws.sqs().untagQueue(b -> b.queueUrl(queueUrl).tagKeys(removed(diff)));
    }
  }

  private PublishLayerVersionResponse publishLayerVersion() {
    LayerVersionContentInput content =
        uploads.needsS3(artifacts.layerZip())
            ? uploads.layerContent(f.functionName(), artifacts.layerZip())
            : LayerVersionContentInput.builder().zipFile(bytes(artifacts.layerZip())).build();
    return aws.lambda()
        .publishLayerVersion(
            b ->
                b.layerName(f.layerName())
                    .content(content)
                    .description(
                        "deps of "
                            + f.functionName()
                            + " for "
                            + f.runtime()
                            + ", sha256 "
                            + layerSha
                            + " (uv-lambda-maven-plugin)")
                    .compatibleRuntimesWithStrings(f.runtime().id())
                    .compatibleArchitectures(Architecture.fromValue(f.architecture().awsName())));
  }

  private static SdkBytes bytes(Path zip) {
    try {
      return SdkBytes.fromByteArray(Files.readAllBytes(zip));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private FunctionCode code() {
    return uploads.needsS3(artifacts.codeZip())
        ? uploads.functionCode(f.functionName(), artifacts.codeZip())
        : FunctionCode.builder().zipFile(bytes(artifacts.codeZip())).build();
  }

  private void waitUpdated() {
    aws.lambda().waiter().waitUntilFunctionUpdatedV2(b -> b.functionName(f.functionName()));
  }

  private void applyFunction(String depsLayerArn) {
    String name = f.functionName();
    List<String> layers = desiredLayers(depsLayerArn);
    if (recreateFunction) {
      aws.lambda().deleteFunction(b -> b.functionName(name));
      done.add("function deleted for recreation");
      function = null;
    }
    if (function == null) {
      FunctionCode code = code();
      retries.call(
          name + ": create function",
          () ->
              aws.lambda()
                  .createFunction(
                      b -> {
                        b.functionName(name)
                            .runtime(f.runtime().id())
                            .handler(f.handler())
                            .role(roleArn)
                            .code(code)
                            .description(f.description())
                            .timeout(f.timeout())
                            .memorySize(f.memorySize())
                            .architecturesWithStrings(f.architecture().awsName())
                            .layers(layers)
                            .environment(e -> e.variables(f.environmentVariables()))
                            .tracingConfig(
                                TracingConfig.builder().mode(f.tracingMode().awsName()).build())
                            .loggingConfig(l -> l.logGroup(logGroupName))
                            .tags(desiredFunctionTags());
                        if (f.enableDlq()) {
                          b.deadLetterConfig(
                              DeadLetterConfig.builder().targetArn(queueArn).build());
                        }
                        if (f.enableDurableExecution()) {
                          b.durableConfig(
                              d ->
                                  d.executionTimeout(f.durableConfig().executionTimeout())
                                      .retentionPeriodInDays(f.durableConfig().retentionPeriod()));
                        }
                      }),
          null);
      aws.lambda().waiter().waitUntilFunctionActiveV2(b -> b.functionName(name));
      done.add("function created");
      function = aws.lambda().getFunction(b -> b.functionName(name)).configuration();
      return;
    }
    if (!codeChanges.isEmpty()) {
      FunctionCode code = code();
      retries.call(
          name + ": update code",
          () ->
              aws.lambda()
                  .updateFunctionCode(
                      b -> {
                        b.functionName(name).architecturesWithStrings(f.architecture().awsName());
                        if (code.zipFile() != null) {
                          b.zipFile(code.zipFile());
                        } else {
                          b.s3Bucket(code.s3Bucket()).s3Key(code.s3Key());
                        }
                      }),
          this::waitUpdated);
      waitUpdated();
      done.add("function code updated");
    }
    if (!configChanges.isEmpty()) {
      retries.call(
          name + ": update configuration",
          () ->
              aws.lambda()
                  .updateFunctionConfiguration(
                      b -> {
                        b.functionName(name)
                            .runtime(f.runtime().id())
                            .handler(f.handler())
                            .role(roleArn)
                            .description(f.description())
                            .timeout(f.timeout())
                            .memorySize(f.memorySize())
                            .layers(layers)
                            .environment(e -> e.variables(f.environmentVariables()))
                            .tracingConfig(
                                TracingConfig.builder().mode(f.tracingMode().awsName()).build())
                            .deadLetterConfig(
                                DeadLetterConfig.builder()
                                    .targetArn(f.enableDlq() ? queueArn : "")
                                    .build());
                        if (f.enableDurableExecution()) {
                          b.durableConfig(
                              d ->
                                  d.executionTimeout(f.durableConfig().executionTimeout())
                                      .retentionPeriodInDays(f.durableConfig().retentionPeriod()));
                        }
                      }),
          this::waitUpdated);
      waitUpdated();
      done.add("function configuration updated");
    }
    Map<String, String> diff = tagDiff(functionTags, desiredFunctionTags());
    String arn = function.functionArn();
    if (!withoutNulls(diff).isEmpty()) {
      aws.lambda().tagResource(b -> b.resource(arn).tags(withoutNulls(diff)));
      done.add("function tags set");
    }
    if (!removed(diff).isEmpty()) {
      aws.lambda().untagResource(b -> b.resource(arn).tagKeys(removed(diff)));
    }
  }

  private String publishAndMoveAlias() {
    String name = f.functionName();
    String version =
        retries.call(
            name + ": publish version",
            () ->
                aws.lambda()
                    .publishVersion(b -> b.functionName(name).codeSha256(codeSha))
                    .version(),
            this::waitUpdated);
    aws.lambda()
        .waiter()
        .waitUntilPublishedVersionActive(b -> b.functionName(name).qualifier(version));
    done.add("version " + version + " published");
    String arn;
    if (aliasVersion == null) {
      arn =
          aws.lambda()
              .createAlias(b -> b.functionName(name).name(f.aliasName()).functionVersion(version))
              .aliasArn();
      done.add("alias " + f.aliasName() + " created");
    } else {
      arn =
          aws.lambda()
              .updateAlias(b -> b.functionName(name).name(f.aliasName()).functionVersion(version))
              .aliasArn();
      done.add("alias " + f.aliasName() + " moved to " + version);
    }
    log.info(name + ": alias " + f.aliasName() + " → version " + version);
    return arn;
  }

  // ================================================================== outputs

  FunctionOutputs outputs(String layerVersionArn, Long layerVersion, String currentAliasArn) {
    String functionArn =
        function != null && function.functionArn() != null
            ? function.functionArn()
            : account.arn("lambda", "function:" + f.functionName());
    Role r = role;
    if (r == null || r.roleId() == null) {
      try {
        r = aws.iam().getRole(b -> b.roleName(f.roleName())).role();
      } catch (NoSuchEntityException e) {
        r = null;
      }
    }
    String layerArn =
        layerVersionArn == null
            ? null
            : layerVersionArn.substring(0, layerVersionArn.lastIndexOf(':'));
    boolean published = f.publishesVersion();
    String aliasArnOut =
        published
            ? (currentAliasArn != null ? currentAliasArn : functionArn + ":" + f.aliasName())
            : null;
    return new FunctionOutputs(
        functionArn,
        f.functionName(),
        FunctionOutputs.invokeArn(account.partition(), account.region(), functionArn),
        aliasArnOut,
        published
            ? FunctionOutputs.invokeArn(account.partition(), account.region(), aliasArnOut)
            : null,
        layerArn,
        layerVersion,
        r == null ? roleArn : r.arn(),
        f.roleName(),
        f.roleName(),
        r == null ? null : r.roleId(),
        logGroupArn,
        logGroupName,
        f.enableDlq() ? queueArn : null,
        f.enableDlq() ? queueUrl : null);
  }

  /** Outputs of an up-to-date function, without any write. */
  FunctionOutputs currentOutputs() {
    return outputs(
        latestLayer == null ? null : latestLayer.layerVersionArn(),
        latestLayer == null ? null : latestLayer.version(),
        aliasArn);
  }
}
