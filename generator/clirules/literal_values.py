"""Options whose values the AWS CLI takes literally: no ``file://``,
``fileb://``, ``http://`` or ``https://`` reading.

AWS CLI v1 reads any option value that starts with one of those prefixes from
the file or URL it names, but for a fixed set of options that hold URLs or
free text themselves (SQS queue URLs, CloudFormation template URLs,
Comprehend's texts). That set is not in the model; this module is our record
of it, matching awscli 1.45.11 (``tests/test_literal_values.py`` compares it
with the installed awscli entry by entry, so a release that changes it fails
there).

Entries name the service as the CLI's events do: the service's endpoint
prefix, renamed where botocore renames it in event names (``EVENT_SERVICES``;
``apigateway`` and ``apigatewayv2`` share ``api-gateway``, ``ses`` and
``sesv2`` share ``ses``, ``rds``, ``docdb`` and ``neptune`` share ``rds``).
Operations and options are the CLI's names. Entries under ``custom`` belong to
hand-written commands (``aws s3 cp``, ``aws cloudformation deploy``) that no
generated parser has; they are kept so the record stays whole.
"""

from collections.abc import Mapping

#: The awscli release this record matches.
AWSCLI_RELEASE = "1.45.11"

#: Endpoint prefix -> the service name in the CLI's events, where the two
#: differ and the event name is one the entries use. Any other service is
#: named by its endpoint prefix.
EVENT_SERVICES: Mapping[str, str] = {
    "api.mediatailor": "mediatailor",
    "api.sagemaker": "sagemaker",
    "apigateway": "api-gateway",
    "appstream2": "appstream",
    "elasticmapreduce": "emr",
    "email": "ses",
    "machinelearning": "machine-learning",
    "serverlessrepo": "serverlessapplicationrepository",
    "servicecatalog": "service-catalog",
}

#: Event service name -> operation -> options taken literally (without ``--``).
LITERAL_OPTIONS: Mapping[str, Mapping[str, tuple[str, ...]]] = {
    "api-gateway": {
        "create-api": ("target",),
        "create-integration": ("integration-uri",),
        "put-integration": ("uri",),
        "update-api": ("target",),
        "update-integration": ("integration-uri",),
    },
    "appstream": {
        "create-stack": ("feedback-url", "redirect-url"),
        "update-stack": ("feedback-url", "redirect-url"),
    },
    "cloudformation": {
        "create-change-set": ("template-url",),
        "create-stack": ("stack-policy-url", "template-url"),
        "create-stack-set": ("template-url",),
        "estimate-template-cost": ("template-url",),
        "get-template-summary": ("template-url",),
        "register-type": ("schema-handler-package",),
        "set-stack-policy": ("stack-policy-url",),
        "update-stack": ("stack-policy-during-update-url", "stack-policy-url", "template-url"),
        "update-stack-set": ("template-url",),
        "validate-template": ("template-url",),
    },
    "comprehend": {
        "batch-detect-dominant-language": ("text-list",),
        "batch-detect-entities": ("text-list",),
        "batch-detect-key-phrases": ("text-list",),
        "batch-detect-sentiment": ("text-list",),
        "detect-dominant-language": ("text",),
        "detect-entities": ("text",),
        "detect-key-phrases": ("text",),
        "detect-sentiment": ("text",),
    },
    "custom": {
        "cp": ("website-redirect",),
        "deploy": ("template-file",),
        "mv": ("website-redirect",),
        "package": ("template-file",),
        "sync": ("website-redirect",),
    },
    "emr": {
        "create-studio": ("idp-auth-url",),
    },
    "guardduty": {
        "create-ip-set": ("location",),
        "create-threat-intel-set": ("location",),
        "update-ip-set": ("location",),
        "update-threat-intel-set": ("location",),
    },
    "iam": {
        "create-open-id-connect-provider": ("url",),
    },
    "iot": {
        "create-job": ("document-source",),
    },
    "machine-learning": {
        "predict": ("predict-endpoint",),
    },
    "mediatailor": {
        "put-playback-configuration": ("ad-decision-server-url", "slate-ad-url", "video-content-source-url"),
    },
    "rds": {
        "copy-db-cluster-snapshot": ("pre-signed-url",),
        "copy-db-snapshot": ("pre-signed-url",),
        "create-db-cluster": ("pre-signed-url",),
        "create-db-instance-read-replica": ("pre-signed-url",),
    },
    "s3": {
        "copy-object": ("website-redirect-location",),
        "create-multipart-upload": ("website-redirect-location",),
        "put-object": ("website-redirect-location",),
    },
    "sagemaker": {
        "create-notebook-instance": ("additional-code-repositories", "default-code-repository"),
        "update-notebook-instance": ("additional-code-repositories", "default-code-repository"),
    },
    "serverlessapplicationrepository": {
        "create-application": ("home-page-url", "license-url", "readme-url", "source-code-url", "template-url"),
        "create-application-version": ("source-code-url", "template-url"),
        "update-application": ("home-page-url", "readme-url"),
    },
    "service-catalog": {
        "create-product": ("support-url",),
        "update-product": ("support-url",),
    },
    "ses": {
        "create-custom-verification-email-template": ("failure-redirection-url", "success-redirection-url"),
        "put-account-details": ("website-url",),
        "update-custom-verification-email-template": ("failure-redirection-url", "success-redirection-url"),
    },
    "sns": {
        "subscribe": ("notification-endpoint",),
    },
    "sqs": {
        operation: ("queue-url",)
        for operation in (
            "add-permission",
            "change-message-visibility",
            "change-message-visibility-batch",
            "delete-message",
            "delete-message-batch",
            "delete-queue",
            "get-queue-attributes",
            "list-dead-letter-source-queues",
            "list-queue-tags",
            "purge-queue",
            "receive-message",
            "remove-permission",
            "send-message",
            "send-message-batch",
            "set-queue-attributes",
            "tag-queue",
            "untag-queue",
        )
    },
    "translate": {
        "translate-text": ("text",),
    },
    "workdocs": {
        "create-notification-subscription": ("notification-endpoint",),
    },
}


def event_service(endpoint_prefix: str) -> str:
    """The name the CLI's events give a service with this endpoint prefix."""
    return EVENT_SERVICES.get(endpoint_prefix, endpoint_prefix)


def literal_options(endpoint_prefix: str, operation: str) -> frozenset[str]:
    """The options (``--queue-url``) of ``operation`` (its CLI name) whose
    values the CLI takes literally."""
    names = LITERAL_OPTIONS.get(event_service(endpoint_prefix), {}).get(operation, ())
    return frozenset(f"--{name}" for name in names)


def entries() -> frozenset[tuple[str, str, str]]:
    """Every (service, operation, option) entry, as the CLI names them."""
    return frozenset(
        (service, operation, option)
        for service, operations in LITERAL_OPTIONS.items()
        for operation, options in operations.items()
        for option in options
    )
