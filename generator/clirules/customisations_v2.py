"""AWS CLI v2's changes to the arguments of model commands: v1's (``customisations``) less
what v2 no longer does, as data.

v2 keeps every renamed option, negative flag, value flag, added option and bare-word list of
v1's table, but drops most of v1's undocumented second names (``iam enable-mfa-device
--authentication-code-1``): there the member has its model option alone, and is required
again where the model requires it. One it keeps as the member's only name, without the
model's (route53domains ``view-billing --start-time``). Matches AWS CLI v2.36.7 on botocore
1.43.11; ``tests/test_parsers_v2.py`` compares every v1 entry with v2's argument tables at
test time, so a v2 release that changes one fails there.

May import: ``customisations``.
"""

from dataclasses import replace

from .customisations import OperationRules, rules

#: (service, operation, member) of v1's second names that v2 does not have.
DROPPED_ALIASES: frozenset[tuple[str, str, str]] = frozenset(
    {
        ("codedeploy", "CreateDeploymentGroup", "ec2TagSet"),
        ("codedeploy", "ListApplicationRevisions", "s3Bucket"),
        ("codedeploy", "ListApplicationRevisions", "s3KeyPrefix"),
        ("codedeploy", "UpdateDeploymentGroup", "ec2TagSet"),
        ("cognito-identity", "CreateIdentityPool", "OpenIdConnectProviderARNs"),
        ("iam", "EnableMFADevice", "AuthenticationCode1"),
        ("iam", "EnableMFADevice", "AuthenticationCode2"),
        ("iam", "ResyncMFADevice", "AuthenticationCode1"),
        ("iam", "ResyncMFADevice", "AuthenticationCode2"),
        ("importexport", "GetShippingLabel", "street1"),
        ("importexport", "GetShippingLabel", "street2"),
        ("importexport", "GetShippingLabel", "street3"),
        ("lambda", "PublishVersion", "CodeSha256"),
        ("lightsail", "ImportKeyPair", "publicKeyBase64"),
        ("storagegateway", "DescribeCachediSCSIVolumes", "VolumeARNs"),
        ("storagegateway", "DescribeStorediSCSIVolumes", "VolumeARNs"),
        ("storagegateway", "DescribeTapeArchives", "TapeARNs"),
        ("storagegateway", "DescribeTapes", "TapeARNs"),
        ("storagegateway", "DescribeVTLDevices", "VTLDeviceARNs"),
    }
)

#: (service, operation, member) of v1's second names that v2 keeps as the member's only name
#: (route53domains ``view-billing --start-time``: v2 has no ``--start``).
ALIASES_AS_NAMES: frozenset[tuple[str, str, str]] = frozenset(
    {
        ("route53domains", "ViewBilling", "Start"),
    }
)


def rules_for(service: str, operation: str, cli_version: int) -> OperationRules:
    """The table's entries for ``operation`` of ``service`` under that major version."""
    found = rules(service, operation)
    if cli_version == 1:
        return found
    kept: dict[str, str] = {}
    named: dict[str, str] = {}
    for member, option in found.aliases.items():
        if (service, operation, member) in ALIASES_AS_NAMES:
            named[member] = option
        elif (service, operation, member) not in DROPPED_ALIASES:
            kept[member] = option
    return replace(found, aliases=kept, renamed={**found.renamed, **named})
