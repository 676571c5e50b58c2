// IAM principals as aws-cdk-lib renders them in policy statements:
//   ServicePrincipal("lambda.amazonaws.com")  -> {"Service": "lambda.amazonaws.com"}
//   AccountPrincipal("123456789012")          -> {"AWS": {"Fn::Join": ["", ["arn:", {"Ref": "AWS::Partition"}, ":iam::123456789012:root"]]}}
//   AccountRootPrincipal(scope)               -> the same, for the scope's stack account
//   ArnPrincipal(role_arn)                    -> {"AWS": role_arn}
//   AnyPrincipal()                            -> {"AWS": "*"}
//   StarPrincipal()                           -> "*"
//   OrganizationPrincipal("o-abc")            -> {"AWS": "*"} + Condition StringEquals aws:PrincipalOrgID
//   CompositePrincipal({a, b})                -> both (merged in one statement; one statement each in a trust policy)
//
// Principals are values. A principal that is invalid (an account id that is not 12 digits)
// records the problem in errors(); the construct whose policy holds it reports it at synthesis.
#pragma once

#include <initializer_list>
#include <string>
#include <vector>

#include "opsynth/core/value.hpp"
#include "opsynth/iam/grantable.hpp"

namespace opsynth {
class Construct;
}

namespace opsynth::iam {

class Principal : public IGrantable {
 public:
  // One principal: a `Principal` entry (key "AWS", "Service", "Federated", "CanonicalUser")
  // with the conditions that must come with it (e.g. aws:PrincipalOrgID).
  struct Part {
    std::string key;
    Value value;
    ValueMap conditions;  // operator -> {key: value}
  };

  // aws-cdk-lib's LITERAL_STRING_KEY: a part under this key is the whole Principal value.
  static constexpr const char* kLiteral = "LiteralString";

  Principal() = default;
  Principal(std::string key, Value value, ValueMap conditions = {});

  const std::vector<Part>& parts() const { return parts_; }
  const std::vector<std::string>& errors() const { return errors_; }
  bool empty() const { return parts_.empty(); }

  // IGrantable: a bare principal has no identity policy of its own, so grants to it
  // go to the resource's policy.
  Principal grant_principal() const override { return *this; }
  bool add_to_principal_policy(const PolicyStatement&) const override { return false; }

 protected:
  void add_part(Part p) { parts_.push_back(std::move(p)); }
  void add_error(std::string e) { errors_.push_back(std::move(e)); }
  void merge(const Principal& other);

 private:
  std::vector<Part> parts_;
  std::vector<std::string> errors_;
};

// An AWS service, e.g. "backup.amazonaws.com".
class ServicePrincipal : public Principal {
 public:
  explicit ServicePrincipal(std::string service);
};

// The root of an account (every identity the account's IAM allows). `account_id` must be
// 12 digits when literal.
class AccountPrincipal : public Principal {
 public:
  explicit AccountPrincipal(Value account_id);
  const Value& account_id() const { return account_id_; }

 private:
  Value account_id_;
};

// The root of the account the scope's stack deploys to.
class AccountRootPrincipal : public AccountPrincipal {
 public:
  explicit AccountRootPrincipal(const Construct& scope);
};

// An IAM identity by ARN (a role, a user, an account root).
class ArnPrincipal : public Principal {
 public:
  explicit ArnPrincipal(Value arn);
};

// Everyone ("AWS": "*"); used for Deny statements such as enforce-SSL.
class AnyPrincipal : public Principal {
 public:
  AnyPrincipal();
};

// Everyone, written as the literal "*" (aws-cdk-lib's StarPrincipal; sns.Topic's enforceSSL
// statement uses it where s3.Bucket's uses AnyPrincipal).
class StarPrincipal : public Principal {
 public:
  StarPrincipal();
};

// Every identity of an AWS Organization: "AWS": "*" with aws:PrincipalOrgID (aws-cdk-lib's
// OrganizationPrincipal). `organization_id` must match ^o-[a-z0-9]{10,32}$ when literal.
class OrganizationPrincipal : public Principal {
 public:
  explicit OrganizationPrincipal(Value organization_id);
};

// Several principals together: merged in one statement of a resource policy; a trust policy
// gets one statement per principal (aws-cdk-lib's CompositePrincipal.addToAssumeRolePolicy).
class CompositePrincipal : public Principal {
 public:
  CompositePrincipal(std::initializer_list<Principal> principals);
  explicit CompositePrincipal(const std::vector<Principal>& principals);
};

}  // namespace opsynth::iam
