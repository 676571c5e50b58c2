// Who can be granted permissions (aws-cdk-lib's IGrantable), and the grant helper that
// puts a grant into the grantee's identity policy or into the resource's policy.
//
//   bucket.grant_read_write(role);                            // role's DefaultPolicy
//   key.grant_encrypt_decrypt(iam::ServicePrincipal("backup.amazonaws.com"));  // key policy
#pragma once

#include <string>
#include <vector>

#include "opsynth/core/value.hpp"

namespace opsynth::iam {

class Principal;
class PolicyStatement;

class IGrantable {
 public:
  virtual ~IGrantable() = default;
  // The principal a resource policy names for this grantee.
  virtual Principal grant_principal() const = 0;
  // Adds `statement` to the grantee's own identity policy (a role's DefaultPolicy).
  // Returns false when the grantee has no identity policy (a service or an account), so
  // the grant must go into the resource's policy. Const because grantees are usually
  // passed as temporaries; a Role still records the statement (see Role).
  virtual bool add_to_principal_policy(const PolicyStatement& statement) const = 0;
};

// A resource with a resource-based policy (bucket policy, key policy).
class IResourceWithPolicy {
 public:
  virtual ~IResourceWithPolicy() = default;
  virtual void add_to_resource_policy(const PolicyStatement& statement) = 0;
};

// What a grant did, for callers that need to know.
struct Grant {
  bool principal_statement_added = false;
  bool resource_statement_added = false;

  // aws-cdk-lib's Grant.addToPrincipalOrResource: the grantee's identity policy when it has
  // one (resources = resource_arns), else the resource's policy naming the grantee
  // (resources = resource_self_arns, e.g. "*" inside a key policy).
  static Grant add_to_principal_or_resource(const IGrantable& grantee, std::vector<std::string> actions,
                                            std::vector<Value> resource_arns, IResourceWithPolicy& resource,
                                            std::vector<Value> resource_self_arns);
  // aws-cdk-lib's Grant.addToPrincipalAndResource (cross-account grants need both sides).
  static Grant add_to_principal_and_resource(const IGrantable& grantee, std::vector<std::string> actions,
                                             std::vector<Value> resource_arns, IResourceWithPolicy& resource,
                                             std::vector<Value> resource_self_arns, const Principal& resource_principal);
  // aws-cdk-lib's Grant.addToPrincipal: the identity policy only (nothing when there is none).
  static Grant add_to_principal(const IGrantable& grantee, std::vector<std::string> actions,
                                std::vector<Value> resource_arns);
};

}  // namespace opsynth::iam
