package io.github.uvlambda.deploy;

import io.github.uvlambda.BuildLog;
import io.github.uvlambda.UvLambdaException;
import io.github.uvlambda.archive.Hashes;
import io.github.uvlambda.lambda.LambdaLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.lambda.model.FunctionCode;
import software.amazon.awssdk.services.lambda.model.LayerVersionContentInput;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Zips too large for a direct upload (50 MB), or all zips when asked, go through S3: keyed by their
 * content hash, uploaded only when that object is not already there.
 */
final class S3Uploads {
  private final AwsClients aws;
  private final DeploySettings settings;
  private final BuildLog log;

  S3Uploads(AwsClients aws, DeploySettings settings, BuildLog log) {
    this.aws = aws;
    this.settings = settings;
    this.log = log;
  }

  static boolean needsS3(Path zip, DeploySettings s) {
    try {
      return s.s3UploadAll() || Files.size(zip) > LambdaLimits.DIRECT_UPLOAD_SIZE;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  boolean needsS3(Path zip) {
    return needsS3(zip, settings);
  }

  /** Fails before any change when a zip needs S3 and no bucket is configured. */
  static void check(List<FunctionArtifacts> functions, DeploySettings s) {
    if (s.s3Bucket() != null && !s.s3Bucket().isBlank()) {
      return;
    }
    for (FunctionArtifacts a : functions) {
      for (Path zip : new Path[] {a.codeZip(), a.layerZip()}) {
        if (zip != null && needsS3(zip, s)) {
          long size;
          try {
            size = Files.size(zip);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          throw new UvLambdaException(
              a.spec().functionName()
                  + ": "
                  + zip.getFileName()
                  + " is "
                  + size / 1048576
                  + " MB; Lambda takes at most 50 MB"
                  + " directly, larger zips go through S3. Set <s3Bucket> (-Duv-lambda.s3Bucket=my-bucket). Nothing was deployed.");
        }
      }
    }
  }

  private String upload(String functionName, Path zip) {
    String key =
        (settings.s3KeyPrefix() == null ? "" : settings.s3KeyPrefix())
            + functionName
            + "/"
            + zip.getFileName().toString().replace(".zip", "")
            + "-"
            + Hashes.hex(Hashes.sha256(zip))
            + ".zip";
    try {
      aws.s3().headObject(b -> b.bucket(settings.s3Bucket()).key(key));
      log.info(functionName + ": s3://" + settings.s3Bucket() + "/" + key + " already uploaded");
    } catch (NoSuchKeyException e) {
      put(key, zip, functionName);
    } catch (S3Exception e) {
      if (e.statusCode() != 404) {
        throw e;
      }
      put(key, zip, functionName);
    }
    return key;
  }

  private void put(String key, Path zip, String functionName) {
    aws.s3().putObject(b -> b.bucket(settings.s3Bucket()).key(key), RequestBody.fromFile(zip));
    log.info(
        functionName
            + ": uploaded "
            + zip.getFileName()
            + " to s3://"
            + settings.s3Bucket()
            + "/"
            + key);
  }

  FunctionCode functionCode(String functionName, Path zip) {
    String key = upload(functionName, zip);
    return FunctionCode.builder().s3Bucket(settings.s3Bucket()).s3Key(key).build();
  }

  LayerVersionContentInput layerContent(String functionName, Path zip) {
    String key = upload(functionName, zip);
    return LayerVersionContentInput.builder().s3Bucket(settings.s3Bucket()).s3Key(key).build();
  }
}
