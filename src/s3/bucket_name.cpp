// The S3 general purpose bucket naming rules
// (https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html).

#include "opsynth/core/regex.hpp"
#include "opsynth/s3/bucket.hpp"

namespace opsynth::s3 {

std::vector<std::string> validate_bucket_name(const std::string& name) {
  std::vector<std::string> errors;
  const std::string quoted = "bucket name \"" + name + "\"";
  if (name.size() < 3 || name.size() > 63)
    errors.push_back(quoted + " is " + std::to_string(name.size()) + " characters long; S3 allows 3 to 63");
  static const Regex kChars("^[a-z0-9.-]*$");
  if (!kChars.full_match(name))
    errors.push_back(quoted + " has characters S3 does not allow (uppercase letters, underscores...); "
                     "use lowercase letters, digits, dots and hyphens");
  static const Regex kEnds("^[a-z0-9](.*[a-z0-9])?$");
  if (!name.empty() && !kEnds.full_match(name))
    errors.push_back(quoted + " must start and end with a lowercase letter or a digit");
  if (name.find("..") != std::string::npos)
    errors.push_back(quoted + " has two adjacent periods; S3 does not allow them");
  if (name.find(".-") != std::string::npos || name.find("-.") != std::string::npos)
    errors.push_back(quoted + " has a period next to a hyphen; S3 does not allow it");
  static const Regex kIp(R"(^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$)");
  if (kIp.full_match(name)) errors.push_back(quoted + " is formatted as an IP address; S3 does not allow it");
  for (const char* prefix : {"xn--", "sthree-", "amzn-s3-demo-"})
    if (name.starts_with(prefix))
      errors.push_back(quoted + " starts with \"" + prefix + "\", a prefix S3 reserves");
  for (const char* suffix : {"-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"})
    if (name.ends_with(suffix)) errors.push_back(quoted + " ends with \"" + suffix + "\", a suffix S3 reserves");
  return errors;
}

}  // namespace opsynth::s3
