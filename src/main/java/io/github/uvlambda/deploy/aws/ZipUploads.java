package io.github.uvlambda.deploy.aws;

import io.github.uvlambda.BuildLog;
import io.github.uvlambda.archive.Hashes;
import io.github.uvlambda.lambda.LambdaLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.lambda.model.FunctionCode;
import software.amazon.awssdk.services.lambda.model.LayerVersionContentInput;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * How a zip reaches Lambda: directly up to 50 MB, otherwise (or always, when asked) through S3,
 * keyed by its content hash and uploaded only when that object is not already there.
 */
public final class ZipUploads {
  private final AwsClients aws;
  private final S3Target target;
  private final BuildLog log;

  public ZipUploads(AwsClients aws, S3Target target, BuildLog log) {
    this.aws = aws;
    this.target = target;
    this.log = log;
  }

  /** Whether the zip must go through S3: asked for, or over Lambda's direct-upload limit. */
  public static boolean needsS3(Path zip, S3Target target) {
    return target.uploadAll() || size(zip) > LambdaLimits.DIRECT_UPLOAD_SIZE;
  }

  public static long size(Path zip) {
    try {
      return Files.size(zip);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public FunctionCode functionCode(String owner, Path zip) {
    if (!needsS3(zip, target)) {
      return FunctionCode.builder().zipFile(bytes(zip)).build();
    }
    return FunctionCode.builder().s3Bucket(target.bucket()).s3Key(upload(owner, zip)).build();
  }

  public LayerVersionContentInput layerContent(String owner, Path zip) {
    if (!needsS3(zip, target)) {
      return LayerVersionContentInput.builder().zipFile(bytes(zip)).build();
    }
    return LayerVersionContentInput.builder()
        .s3Bucket(target.bucket())
        .s3Key(upload(owner, zip))
        .build();
  }

  private static SdkBytes bytes(Path zip) {
    try {
      return SdkBytes.fromByteArray(Files.readAllBytes(zip));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String upload(String owner, Path zip) {
    String key =
        (target.keyPrefix() == null ? "" : target.keyPrefix())
            + owner
            + "/"
            + zip.getFileName().toString().replace(".zip", "")
            + "-"
            + Hashes.hex(Hashes.sha256(zip))
            + ".zip";
    try {
      aws.s3().headObject(b -> b.bucket(target.bucket()).key(key));
      log.info(owner + ": s3://" + target.bucket() + "/" + key + " already uploaded");
    } catch (NoSuchKeyException e) {
      put(key, zip, owner);
    } catch (S3Exception e) {
      if (e.statusCode() != 404) {
        throw e;
      }
      put(key, zip, owner);
    }
    return key;
  }

  private void put(String key, Path zip, String owner) {
    aws.s3().putObject(b -> b.bucket(target.bucket()).key(key), RequestBody.fromFile(zip));
    log.info(owner + ": uploaded " + zip.getFileName() + " to s3://" + target.bucket() + "/" + key);
  }
}
