"""The table of the AWS CLI's argument customisations against the awscli the
tests install, both ways (nothing missing, nothing stale), and the parsers
that follow it against awscli on the command lines each entry changes."""

import collections
import json
import shlex

import pytest
from botocore.session import get_session

from generator.clirules import customisations as table
from generator.pipeline.service import load

from .support.cli_customisations import (
    MODEL_ARGUMENTS,
    STANDARD_ARGUMENTS,
    Argument,
    arguments,
    bare_word_list_accepted,
)
from .support.documents import full_document
from .support.oracle import cli_service
from .support.real_usage import Case, difference, generate_for, model_name

#: awscli's classes for ec2's single-Value boolean flags.
VALUE_FLAG_ARGUMENTS = frozenset({"PositiveBooleanArgument", "NegativeBooleanParameter"})


@pytest.fixture(scope="module")
def cli() -> list[Argument]:
    """Every argument of every model-driven command awscli has."""
    return list(arguments())


def _by_command(cli: list[Argument]) -> dict[tuple[str, str], list[Argument]]:
    commands: dict[tuple[str, str], list[Argument]] = collections.defaultdict(list)
    for argument in cli:
        commands[(argument.service, argument.operation)].append(argument)
    return commands


def test_renamed_options_and_second_names_are_awscli_s(cli):
    renamed, aliases = {}, {}
    for (service, operation), found in _by_command(cli).items():
        options = {argument.option: argument for argument in found}
        for argument in found:
            if argument.kind not in MODEL_ARGUMENTS or argument.negative or argument.member is None:
                continue
            if argument.option == argument.model_option:
                continue
            key = (service, operation, argument.member)
            if argument.model_option in options:
                assert argument.undocumented or options[argument.model_option].undocumented, argument
                aliases[key] = argument.option
            else:
                renamed[key] = argument.option
    assert {(r.service, r.operation, r.member): r.option for r in table.RENAMED} == renamed
    assert {(a.service, a.operation, a.member): a.option for a in table.ALIASES} == aliases


def test_renamed_negative_flags_are_awscli_s(cli):
    found = {
        (a.service, a.operation, a.member): a.option
        for a in cli
        if a.kind == "BooleanArgument" and a.negative and a.option != "--no-" + a.model_option[2:]
    }
    assert {(r.service, r.operation, r.member): r.option for r in table.NEGATIVE_RENAMED} == found


def _single_value_booleans(service: str) -> set[tuple[str, str]]:
    """(operation, member) of every top-level structure of one boolean ``Value``."""
    model = get_session().get_service_model(service)
    found = set()
    for name in model.operation_names:
        shape = model.operation_model(name).input_shape
        for member, target in (shape.members if shape else {}).items():
            inner = getattr(target, "members", {})
            if (
                target.type_name == "structure"
                and list(inner) == ["Value"]
                and inner["Value"].type_name == "boolean"
            ):
                found.add((name, member))
    return found


def test_the_value_flag_rule_gives_awscli_s_flags(cli):
    awscli = {(a.service, a.operation, a.member) for a in cli if a.kind in VALUE_FLAG_ARGUMENTS}
    ours = {
        (rule.service, *key) for rule in table.VALUE_FLAGS for key in _single_value_booleans(rule.service)
    }
    assert ours == awscli


def _added_options(added: table.Added) -> set[str]:
    return {added.option, "--no-" + added.option[2:]} if added.takes == "flag" else {added.option}


def test_every_added_option_is_reproduced_or_listed(cli):
    """Options awscli adds, or model members it takes over with its own
    classes: each is in ADDED, or its command is in NOT_REPRODUCED."""
    reproduced = {(a.service, a.operation) for a in table.ADDED}
    awscli = {
        (a.service, a.operation, a.option)
        for a in cli
        if a.kind not in MODEL_ARGUMENTS | STANDARD_ARGUMENTS | VALUE_FLAG_ARGUMENTS
        # a model member awscli reads with a class of its own, next to an added option
        and not (a.option == a.model_option and (a.service, a.operation) in reproduced)
    }
    ours = {(a.service, a.operation, option) for a in table.ADDED for option in _added_options(a)}
    listed = {(entry.service, entry.operation) for entry in table.NOT_REPRODUCED}
    assert ours <= awscli, "stale: " + repr(sorted(ours - awscli))
    missing = {key for key in awscli - ours if key[:2] not in listed}
    assert not missing, "neither reproduced nor listed: " + repr(sorted(missing))
    changed = {key[:2] for key in awscli}
    assert listed <= changed, "listed but awscli does not change them: " + repr(sorted(listed - changed))


def test_replaced_members_are_gone_from_awscli_s_command(cli):
    commands = _by_command(cli)
    for added in table.ADDED:
        members = {a.member for a in commands[(added.service, added.operation)] if a.kind in MODEL_ARGUMENTS}
        assert not set(added.replaces) & members, added


def _bare_word_candidates() -> list[tuple[str, str, str, str]]:
    """(service, operation, member, inner member) of every top-level list of
    structures of one scalar member, in the services the table names and in
    a few others that have such lists."""
    services = sorted({entry.service for entry in table.BARE_WORD_LISTS} | {"ec2", "route53", "iam"})
    found = []
    for name in services:
        model = get_session().get_service_model(name)
        for operation in model.operation_names:
            shape = model.operation_model(operation).input_shape
            for member, target in (shape.members if shape else {}).items():
                element = getattr(target, "member", None)
                inner = getattr(element, "members", {})
                if target.type_name == "list" and element.type_name == "structure" and len(inner) == 1:
                    ((inner_name, inner_shape),) = inner.items()
                    if inner_shape.type_name in ("string", "blob"):
                        found.append((name, operation, member, inner_name))
    return found


def test_bare_word_lists_are_awscli_s():
    from .support.argv import document_argv
    from .support.modeldata import minimal_document

    accepted = set()
    for service_name, operation_name, member, inner in _bare_word_candidates():
        service = load(service_name)
        operation = service.operation(operation_name)
        option = next(m.cli_name for m in service.shape(operation.input).members if m.name == member)
        document = {k: v for k, v in minimal_document(service, operation.input).items() if k != member}
        argv = [service.cli_name, operation.cli_name, *document_argv(service, operation, document, "json")]
        if bare_word_list_accepted([*argv, f"--{option}", "word-1"], member, inner):
            accepted.add((service_name, operation_name, member))
    assert {(b.service, b.operation, b.member) for b in table.BARE_WORD_LISTS} == accepted


#: The files the command lines below read: an empty zip archive and a file that is not one.
FILES = {
    "empty.zip": "PK\x05\x06" + "\x00" * 18,
    "not-a.zip": "PK\x05\x06",
    "terms.csv": "en,fr\ncat,chat\n",
    "empty.txt": "",
    # Bytes that are no UTF-8 text: file:// cannot read them.
    "latin-1.bin": b"caf\xe9 PK\x05\x06",
    # A Data Pipeline definition as its user guide writes them, with every kind of value.
    "pipeline.json": json.dumps(
        {
            "objects": [
                {"id": "Default", "name": "Default", "scheduleType": "ondemand", "role": "DataPipelineDefaultRole"},
                {
                    "id": "Schedule",
                    "type": "Schedule",
                    "period": "1 days",
                    "parent": {"ref": "Default"},
                    "tags": ["a", "b", {"ref": "X"}],
                    "Upper": "sorted before lower case",
                    "odd": {"ref": "C", "other": "1"},
                },
            ],
            "parameters": [{"id": "myS3", "type": "AWS::S3::ObjectKey", "watermark": ["w1", "w2"]}],
            "values": {"myS3": "s3://bucket/key", "myList": ["1", "2"]},
        }
    ),
    "values.json": json.dumps({"values": {"myName": "v", "myList": ["1", "2"]}}),
    "parameters.json": json.dumps({"parameters": [{"id": "p1", "type": "String", "optional": "true"}]}),
}
#: Command lines each customisation changes, with the errors around them.
CASES = {
    # The paging check finds a member whose option is named as a paging option.
    "rolesanywhere": (
        "aws rolesanywhere list-crls --next-token nextToken --page-size 7",
        "aws rolesanywhere list-crls --page-size 7",
        "aws rolesanywhere list-crls --page-size 0 --next-token n",
        "aws rolesanywhere list-crls --no-paginate --page-size 7",
        "aws rolesanywhere list-profiles --next-token n --max-items 3 --page-size 2",
        "aws rolesanywhere list-trust-anchors --max-items 3 --page-size 2",
        "aws rolesanywhere list-subjects --next-token n",
    ),
    "ec2": (
        "aws ec2 describe-snapshots",
        "aws ec2 describe-snapshots --max-items 5",
        "aws ec2 describe-snapshots --page-size 5 --owner-ids self",
        "aws ec2 describe-snapshots --no-paginate",
        "aws ec2 describe-snapshots --max-results 7",
        "aws ec2 describe-snapshots --starting-token abc",
        "aws ec2 describe-snapshots --filters Name=status,Values=pending --max-items 3",
        "aws ec2 describe-volumes",
        "aws ec2 describe-volumes --volume-ids vol-1",
        "aws ec2 describe-volumes --next-token x",
        "aws ec2 run-instances --image-id ami-1",
        "aws ec2 run-instances --image-id ami-1 --count 3",
        "aws ec2 run-instances --image-id ami-1 --count 2:5",
        "aws ec2 run-instances --image-id ami-1 --count ' 3'",
        "aws ec2 run-instances --image-id ami-1 --count x",
        "aws ec2 run-instances --image-id ami-1 --count 2:",
        "aws ec2 run-instances --image-id ami-1 --count 1:2:3",
        "aws ec2 run-instances --image-id ami-1 --min-count 2",
        'aws ec2 run-instances --image-id ami-1 --cli-input-json \'{"MinCount": 2, "MaxCount": 3}\'',
        'aws ec2 run-instances --image-id ami-1 --cli-input-json \'{"MinCount": 2, "MaxCount": 3}\' --count 5',
        "aws ec2 run-instances --image-id ami-1 --enable-api-termination",
        "aws ec2 run-instances --image-id ami-1 --disable-api-termination",
        "aws ec2 run-instances --image-id ami-1 --associate-public-ip-address --subnet-id subnet-1",
        "aws ec2 run-instances --image-id ami-1 --no-associate-public-ip-address",
        "aws ec2 run-instances --image-id ami-1 --secondary-private-ip-addresses 10.0.0.1 10.0.0.2",
        "aws ec2 run-instances --image-id ami-1 --secondary-private-ip-address-count 2",
        "aws ec2 run-instances --image-id ami-1 --secondary-private-ip-address-count x",
        "aws ec2 run-instances --image-id ami-1 --associate-public-ip-address --network-interfaces DeviceIndex=0",
        "aws ec2 modify-instance-attribute --instance-id i-1 --ebs-optimized",
        "aws ec2 modify-instance-attribute --instance-id i-1 --no-ebs-optimized",
        "aws ec2 modify-instance-attribute --instance-id i-1 --ebs-optimized Value=false",
        "aws ec2 modify-instance-attribute --instance-id i-1 --ebs-optimized '{\"Value\": false}'",
        "aws ec2 modify-instance-attribute --instance-id i-1 --ebs-optimized false",
        "aws ec2 modify-instance-attribute --instance-id i-1 --ebs-optimized --no-ebs-optimized",
        "aws ec2 modify-instance-attribute --instance-id i-1 --no-ebs-optimized x",
        "aws ec2 modify-subnet-attribute --subnet-id subnet-1 --map-public-ip-on-launch",
        "aws ec2 modify-vpc-attribute --vpc-id vpc-1 --enable-dns-support --no-enable-dns-hostnames",
        "aws ec2 create-image --instance-id i-1 --name image-1 --no-reboot",
        "aws ec2 create-image --instance-id i-1 --name image-1 --reboot",
        "aws ec2 create-image --instance-id i-1 --name image-1 --no-no-reboot",
        "aws ec2 create-network-acl-entry --network-acl-id acl-1 --ingress --rule-number 100 --protocol udp "
        "--cidr-block 0.0.0.0/0 --rule-action allow",
        "aws ec2 authorize-security-group-ingress --group-id sg-1 --protocol tcp --port 22 --cidr 0.0.0.0/0",
        "aws ec2 authorize-security-group-ingress --group-id sg-1 --protocol all --port 20-25",
        "aws ec2 authorize-security-group-ingress --group-id sg-1 --protocol icmp --port -1",
        "aws ec2 authorize-security-group-ingress --group-id sg-1 --protocol foo",
        "aws ec2 authorize-security-group-ingress --group-id sg-1 --port 22-",
        "aws ec2 authorize-security-group-ingress --group-id sg-1 --port ' 22'",
        "aws ec2 authorize-security-group-ingress --group-id sg-1 --source-group sg-2",
        "aws ec2 authorize-security-group-ingress --group-id sg-1 --source-group web --group-owner 1234",
        "aws ec2 authorize-security-group-ingress --group-id sg-1 --group-owner 1234",
        "aws ec2 authorize-security-group-ingress --group-id sg-1 --cidr file:///nonexistent/cidr",
        "aws ec2 authorize-security-group-ingress --group-id sg-1 --port 22 --ip-permissions IpProtocol=tcp",
        "aws ec2 revoke-security-group-egress --group-id sg-1 --protocol tcp --port 443 --cidr 10.0.0.0/8",
    ),
    "cloudfront": (
        "aws cloudfront create-invalidation --distribution-id E1 --paths /a /b",
        "aws cloudfront create-distribution --origin-domain-name amzn-s3-demo-bucket.s3.amazonaws.com",
        "aws cloudfront create-distribution --origin-domain-name www.example.com --default-root-object index.html",
        "aws cloudfront create-distribution --origin-domain-name bucket.s3.us-west-2.amazonaws.com",
        "aws cloudfront create-distribution --default-root-object index.html",
        "aws cloudfront create-distribution --origin-domain-name b.s3.amazonaws.com --distribution-config CallerReference=x",
        "aws cloudfront create-invalidation --distribution-id E1 --paths",
        "aws cloudfront create-invalidation --distribution-id E1",
        "aws cloudfront create-invalidation --distribution-id E1 --paths /a "
        "--invalidation-batch Paths={Quantity=1,Items=[/x]},CallerReference=y",
    ),
    "elb": (
        "aws elb register-instances-with-load-balancer --load-balancer-name l --instances i-1 i-2",
        "aws elb register-instances-with-load-balancer --load-balancer-name l --instances InstanceId=i-1",
        'aws elb register-instances-with-load-balancer --load-balancer-name l --instances \'[{"InstanceId":"i-1"}]\'',
        'aws elb register-instances-with-load-balancer --load-balancer-name l --instances \'{"InstanceId":"i-1"}\'',
        "aws elb remove-tags --load-balancer-names l --tags project",
    ),
    "iam": (
        "aws iam enable-mfa-device --user-name Bob --serial-number arn:aws:iam::123456789012:mfa/Bob "
        "--authentication-code1 123456 --authentication-code-2 654321",
        "aws iam enable-mfa-device --user-name Bob --serial-number arn:aws:iam::123456789012:mfa/Bob",
    ),
    "sns": (
        "aws sns subscribe --topic-arn arn:aws:sns:us-east-1:123456789012:t --protocol email --notification-endpoint a@b.c",
    ),
    "ecs": (
        "aws ecs update-service --service s --disable-execute-command",
        "aws ecs update-service --service s --enable-execute-command",
    ),
    "lambda": (
        "aws lambda create-function --function-name f --runtime python3.12 "
        "--role arn:aws:iam::123456789012:role/rrr --handler h --zip-file fileb://empty.zip",
        "aws lambda create-function --function-name f --runtime python3.12 "
        "--role arn:aws:iam::123456789012:role/rrr --handler h --zip-file fileb://empty.zip --code S3Bucket=bbb,S3Key=k",
        "aws lambda create-function --function-name f --runtime python3.12 "
        "--role arn:aws:iam::123456789012:role/rrr --handler h --zip-file fileb://not-a.zip",
        "aws lambda create-function --function-name f --runtime python3.12 "
        "--role arn:aws:iam::123456789012:role/rrr --handler h --zip-file empty.zip",
        "aws lambda create-function --function-name f --runtime python3.12 "
        "--role arn:aws:iam::123456789012:role/rrr --handler h --zip-file fileb://missing.zip",
        "aws lambda create-function --function-name f --runtime python3.12 --role arn:aws:iam::123456789012:role/rrr --handler h",
        "aws lambda publish-layer-version --layer-name l --zip-file fileb://empty.zip",
        "aws lambda update-function-code --function-name f --zip-file fileb://empty.zip",
        "aws lambda update-function-code --function-name f --zip-file fileb://not-a.zip",
        "aws lambda update-function-code --function-name f --zip-file fileb://latin-1.bin",
        "aws lambda update-function-code --function-name f --zip-file file://latin-1.bin",
        "aws lambda update-function-code --function-name f --zip-file file://empty.txt",
        "aws lambda update-function-code --function-name f --zip-file UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA==",
        "aws lambda update-function-code --function-name f --zip-file fileb://missing.zip",
        "aws lambda update-function-code --function-name f --s3-bucket bucket --s3-key k",
        "aws lambda update-function-code --function-name f --zip-file fileb://empty.zip --publish",
        "aws lambda update-function-code --cli-input-json '{\"FunctionName\": \"f\", \"ZipFile\": \"abc\"}'",
        "aws lambda create-function --function-name f --runtime python3.12 "
        "--role arn:aws:iam::123456789012:role/rrr --handler h --code ZipFile=abc",
        "aws lambda create-function --function-name f --runtime python3.12 "
        "--role arn:aws:iam::123456789012:role/rrr --handler h --code ZipFile=abc --zip-file fileb://empty.zip",
        "aws lambda publish-layer-version --layer-name l --content ZipFile=abc",
    ),
    "cloudwatch": (
        "aws cloudwatch put-metric-data --metric-name PageViewCount --namespace MyService --value 2 "
        "--timestamp 2016-01-15T12:00:00.000Z",
        "aws cloudwatch put-metric-data --metric-name Buffers --namespace MyService --unit Bytes --value 0.1 "
        "--dimensions InstanceId=1-23456789,InstanceType=m1.small",
        "aws cloudwatch put-metric-data --metric-name PageViewCount --namespace MyService "
        "--statistic-values Sum=11,Minimum=2,Maximum=5,SampleCount=3 --storage-resolution 1",
        "aws cloudwatch put-metric-data --metric-name x --namespace n --value abc",
        "aws cloudwatch put-metric-data --namespace n --value 2",
        "aws cloudwatch put-metric-data --namespace n --metric-name x --value 1 --dimensions A=b=c",
        "aws cloudwatch put-metric-data --namespace n --metric-name x --value 1 --dimensions bad",
        "aws cloudwatch put-metric-data --namespace n --metric-name x --value 1 --storage-resolution x",
        "aws cloudwatch put-metric-data --namespace n --metric-name x --value 2 --metric-data MetricName=y,Value=1",
    ),
    "emr": (
        "aws emr list-clusters --active",
        "aws emr list-clusters --terminated",
        "aws emr list-clusters --failed --max-items 2",
        "aws emr list-clusters --active --failed",
        "aws emr list-clusters --cluster-states TERMINATED RUNNING",
        "aws emr list-clusters --cluster-states TERMINATED --active",
        "aws emr list-clusters --created-after 2024-01-01T00:00:00 --created-before 2024-02-01",
        "aws emr list-clusters --created-after 1700000000",
        "aws emr list-clusters --created-after xyz",
        "aws emr add-tags --resource-id j-1 --tags name=a team=b solo",
        "aws emr add-tags --resource-id j-1 --tags a=b=c",
        "aws emr add-tags --resource-id j-1",
    ),
    "rekognition": (
        "aws rekognition detect-labels --image-bytes fileb://terms.csv",
        "aws rekognition detect-labels --image-bytes terms.csv",
        "aws rekognition detect-labels --image-bytes file://terms.csv",
        "aws rekognition detect-labels --image-bytes fileb://terms.csv --image S3Object={Bucket=bbb,Name=n}",
        "aws rekognition compare-faces --source-image-bytes fileb://terms.csv --target-image-bytes fileb://terms.csv",
    ),
    "quicksight": (
        "aws quicksight start-asset-bundle-import-job --aws-account-id 123456789012 --asset-bundle-import-job-id j "
        "--asset-bundle-import-source-bytes fileb://terms.csv",
    ),
    "translate": (
        'aws translate import-terminology --cli-input-json \'{"Name": "N", "MergeStrategy": "OVERWRITE", '
        '"TerminologyData": {"File": "abc", "Format": "CSV"}}\'',
        'aws translate import-terminology --cli-input-json \'{"Name": "N", "MergeStrategy": "OVERWRITE", '
        '"TerminologyData": {"Format": "CSV"}}\' --data-file fileb://terms.csv',
        "aws translate translate-document --document ContentType=text/plain --source-language-code en "
        "--target-language-code fr",
        "aws translate import-terminology --name n --merge-strategy OVERWRITE --data-file fileb://terms.csv "
        "--terminology-data Format=CSV",
        "aws translate import-terminology --name n --merge-strategy OVERWRITE --data-file fileb://terms.csv",
        "aws translate import-terminology --name n --merge-strategy OVERWRITE --terminology-data Format=CSV,File=abc",
        "aws translate translate-document --document-content fileb://terms.csv --document ContentType=text/plain "
        "--source-language-code en --target-language-code fr",
        "aws translate translate-document --document-content fileb://terms.csv --source-language-code en "
        "--target-language-code fr",
    ),
    "deploy": (
        "aws deploy create-deployment --application-name a --s3-location bucket=b,key=k,bundleType=zip,eTag=e,version=v",
        "aws deploy create-deployment --application-name a --github-location repository=r/x,commitId=c",
        "aws deploy create-deployment --application-name a --s3-location bucket=b",
        "aws deploy create-deployment --application-name a --github-location repository=r/x",
        'aws deploy create-deployment --application-name a --s3-location \'{"bucket":"b","key":"k","bundleType":"zip"}\'',
        "aws deploy create-deployment --application-name a --s3-location bucket=b,key=k,bundleType=zip "
        "--revision revisionType=S3",
        "aws deploy create-deployment --application-name a --s3-location bucket=b,key=k,bundleType=zip,extra=1",
        "aws deploy get-application-revision --application-name a --s3-location bucket=b,key=k,bundleType=zip",
        "aws deploy register-application-revision --application-name a --s3-location bucket=b,key=k,bundleType=zip",
        "aws deploy get-application-revision --application-name a",
    ),
    "configservice": (
        "aws configservice put-configuration-recorder --configuration-recorder "
        "name=default,roleARN=arn:aws:iam::123456789012:role/config-role "
        "--recording-group allSupported=true,includeGlobalResourceTypes=true",
        "aws configservice put-configuration-recorder --configuration-recorder "
        '\'{"name":"default","roleARN":"arn:aws:iam::123456789012:role/config-role"}\' '
        "--recording-group '{\"allSupported\":true}'",
        "aws configservice put-configuration-recorder --recording-group allSupported=true",
        "aws configservice put-configuration-recorder --configuration-recorder name=default,"
        "roleARN=arn:aws:iam::123456789012:role/r,recordingGroup={allSupported=true,includeGlobalResourceTypes=true}",
        "aws configservice put-configuration-recorder --configuration-recorder name=default,"
        "recordingGroup={resourceTypes=[AWS::EC2::Instance]},recordingMode={recordingFrequency=DAILY}",
        "aws configservice put-configuration-recorder --configuration-recorder "
        '\'{"name":"default","recordingGroup":{"allSupported":true}}\'',
        "aws configservice put-configuration-recorder --configuration-recorder name=default,"
        "recordingGroup={allSupported=true} --recording-group allSupported=false",
        "aws configservice put-configuration-recorder --configuration-recorder name=default "
        "--recording-group allSupported=maybe",
    ),
    "ses": (
        "aws ses send-email --from a@b.c --to x@y.z w@y.z --subject Test --text Hello",
        "aws ses send-email --from a@b.c --to x@y.z --cc c@y.z --bcc d@y.z --subject S --html '<p>hi</p>' --text t",
        "aws ses send-email --from a@b.c --to x@y.z --subject S",
        "aws ses send-email --from a@b.c --destination ToAddresses=x@y.z --to q@y.z "
        "--message Subject={Data=s},Body={Text={Data=t}}",
        "aws ses send-email --from a@b.c --to x@y.z",
    ),
    "firehose": ("aws firehose put-record-batch --delivery-stream-name d --records abc def",),
    "cloudsearchdomain": (
        "aws cloudsearchdomain search --search-query a",
        "aws cloudsearchdomain search --search-query a --endpoint-url https://search-x.us-east-1.cloudsearch.amazonaws.com",
        "aws cloudsearchdomain search",
        "aws cloudsearchdomain search --search-query a --bogus 1",
        "aws cloudsearchdomain search --generate-cli-skeleton",
    ),
    "cloudsearch": (
        "aws cloudsearch define-expression --domain-name movies --name rank --expression '_score*2'",
        "aws cloudsearch define-expression --domain-name movies --name rank --expression file://empty.txt",
        "aws cloudsearch define-expression --domain-name movies --name rank",
        "aws cloudsearch define-expression --domain-name movies",
        "aws cloudsearch define-expression --cli-input-json "
        '\'{"DomainName":"movies","Expression":{"ExpressionName":"r","ExpressionValue":"1"}}\'',
        "aws cloudsearch define-index-field --domain-name movies --name year --type int --default-value 2000 "
        "--facet-enabled true --search-enabled FALSE --return-enabled no --sort-enabled False",
        "aws cloudsearch define-index-field --domain-name movies --name title --type text --highlight-enabled false "
        "--analysis-scheme _en_default_ --source-field t --return-enabled true --sort-enabled true",
        "aws cloudsearch define-index-field --domain-name movies --name t --type text --facet-enabled true",
        "aws cloudsearch define-index-field --domain-name movies --name g --type int-array --source-field a,b",
        "aws cloudsearch define-index-field --domain-name movies --name g --type INT --default-value ' 7 '",
        "aws cloudsearch define-index-field --domain-name movies --name g --type int --default-value 1.5",
        "aws cloudsearch define-index-field --domain-name movies --name g --type double --default-value x",
        "aws cloudsearch define-index-field --domain-name movies --name g --type double-array --default-value 2.5",
        "aws cloudsearch define-index-field --domain-name movies --name g --type lat-lon --default-value 1,2",
        "aws cloudsearch define-index-field --domain-name movies --name g --type LATLON --default-value 1,2",
        "aws cloudsearch define-index-field --domain-name movies --name g --type intarray --default-value 1",
        "aws cloudsearch define-index-field --domain-name movies --name g --type bogus --default-value 1",
        "aws cloudsearch define-index-field --domain-name movies --name g --type int--array --default-value 1",
        "aws cloudsearch define-index-field --domain-name movies --name g",
        "aws cloudsearch define-index-field --domain-name movies --type int --index-field IndexFieldName=a",
        "aws cloudsearch define-index-field --cli-input-json "
        '\'{"DomainName":"movies","IndexField":{"IndexFieldName":"z","IndexFieldType":"int"}}\' --default-value 4',
        "aws cloudsearch define-index-field --cli-input-json "
        '\'{"DomainName":"movies","IndexField":{"IndexFieldName":"z","IndexFieldType":"int"}}\' --type int',
        "aws cloudsearch define-index-field --cli-input-json "
        '\'{"DomainName":"movies","IndexField":{"IndexFieldName":"z","IndexFieldType":"int"}}\'',
        "aws cloudsearch define-index-field --domain-name movies --name g --type int --facet-enabled file://empty.txt",
        *(
            f"aws cloudsearch define-index-field --domain-name movies --name g --type {kind} --default-value 3"
            for kind in load("cloudsearch").shape("IndexFieldType").constraints.enum
        ),
    ),
    "datapipeline": (
        "aws datapipeline put-pipeline-definition --pipeline-id df-1 --pipeline-definition file://pipeline.json",
        "aws datapipeline put-pipeline-definition --pipeline-id df-1 --pipeline-definition file://pipeline.json "
        "--parameter-values c=d a=b c=e x=y=z",
        "aws datapipeline put-pipeline-definition --pipeline-id df-1 --pipeline-definition file://pipeline.json "
        "--parameter-values-uri file://values.json",
        "aws datapipeline put-pipeline-definition --pipeline-id df-1 --pipeline-definition file://pipeline.json "
        "--parameter-objects file://parameters.json",
        "aws datapipeline put-pipeline-definition --pipeline-id df-1 --pipeline-definition "
        '\'{"objects":[{"id":"A"}]}\' --parameter-values-uri file://values.json',
        "aws datapipeline put-pipeline-definition --pipeline-id df-1 --pipeline-definition "
        '\'{"objects":[{"id":"A"}]}\' --parameter-values-uri \'{"v":1}\'',
        "aws datapipeline put-pipeline-definition --pipeline-id df-1 --pipeline-definition "
        '\'{"objects":[{"id":"A"}]}\' --parameter-objects \'{"foo":1}\'',
        "aws datapipeline put-pipeline-definition --pipeline-id df-1 --pipeline-definition "
        '\'{"objects":[{"id":"A","n":5,"b":true,"z":null,"l":[1,{"ref":"q"},[2]]}]}\'',
        "aws datapipeline put-pipeline-definition --pipeline-id df-1 --pipeline-definition "
        '\'{"objects":[{"name":"no id","k":"v"}]}\'',
        "aws datapipeline put-pipeline-definition --pipeline-id df-1 --pipeline-definition "
        '\'{"objects":[],"parameters":[{"type":"x"}]}\'',
        "aws datapipeline put-pipeline-definition --pipeline-id df-1 --pipeline-definition '{\"foo\": 1}'",
        "aws datapipeline put-pipeline-definition --pipeline-id df-1 --pipeline-definition '[]'",
        "aws datapipeline put-pipeline-definition --pipeline-id df-1 --pipeline-definition 'not json'",
        "aws datapipeline put-pipeline-definition --pipeline-id df-1 --pipeline-definition file://missing.json",
        "aws datapipeline put-pipeline-definition --pipeline-id df-1",
        "aws datapipeline put-pipeline-definition --cli-input-json '{\"pipelineId\":\"x\",\"pipelineObjects\":[]}'",
        "aws datapipeline put-pipeline-definition --pipeline-id df-1 --pipeline-definition file://pipeline.json "
        "--cli-input-json '{\"pipelineObjects\":[]}'",
        "aws datapipeline activate-pipeline --pipeline-id df-1",
        "aws datapipeline activate-pipeline --pipeline-id df-1 --parameter-values a=b a=c x=y=z =b d=",
        "aws datapipeline activate-pipeline --pipeline-id df-1 --parameter-values ab",
        "aws datapipeline activate-pipeline --pipeline-id df-1 --parameter-values file://values.json",
        "aws datapipeline activate-pipeline --pipeline-id df-1 --parameter-values-uri file://values.json",
        "aws datapipeline activate-pipeline --pipeline-id df-1 --parameter-values-uri file://values.json "
        "--parameter-values a=b",
        "aws datapipeline activate-pipeline --pipeline-id df-1 --parameter-values-uri '{\"values\":{}}'",
        "aws datapipeline activate-pipeline --pipeline-id df-1 --parameter-values-uri '[1]'",
        "aws datapipeline activate-pipeline --pipeline-id df-1 --parameter-values-uri 'not json'",
        "aws datapipeline activate-pipeline --pipeline-id df-1 --parameter-values a=b "
        "--cli-input-json '{\"parameterValues\":[{\"id\":\"q\",\"stringValue\":\"r\"}]}'",
        "aws datapipeline activate-pipeline --pipeline-id df-1 --start-timestamp 2024-01-01 --parameter-values a=b",
    ),
    "route53domains": (
        "aws route53domains view-billing --start 2024-01-01 --end-time 2024-02-01",
        "aws route53domains view-billing --start-time 2024-01-01",
    ),
}


def _one_member_lines() -> list[str]:
    """For each operation whose page size awscli sets, a command line per input
    member giving just that member (in ``--cli-input-json``): which members
    leave the page size unset is awscli's to say, member by member."""
    lines = []
    for entry in table.PAGE_SIZE_DEFAULTS:
        service = load(entry.service)
        operation = next(op for op in service.operations if op.name == entry.operation)
        document = full_document(service, operation.input)
        for member, value in document.items():
            lines.append(
                f"aws {service.cli_name} {operation.cli_name} --cli-input-json "
                + shlex.quote(json.dumps({member: value}))
            )
    return lines


def test_page_size_defaults_are_the_operations_awscli_sets_it_for():
    """The commands awscli hooks when it calls their operation, beyond its
    check of the paging options that every paged command has, are the table's."""
    hooked = {
        tuple(event.split(".")[1:])
        for event, handler in cli_service("ec2").hooks
        if event.startswith("calling-command.")
        and len(event.split(".")) == 3
        and "*" not in event
        and handler != "check_should_enable_pagination_call_parameters"
    }
    ours = set()
    for entry in table.PAGE_SIZE_DEFAULTS:
        service = load(entry.service)
        operation = next(op for op in service.operations if op.name == entry.operation)
        ours.add((service.cli_name, operation.cli_name))
    assert hooked == ours


def test_zip_archive_members_are_the_ones_awscli_checks():
    """awscli checks a model member's value with a hook of its own (registered
    for every service when its driver starts) only where the table says the
    member takes a zip archive."""
    hooked = {
        tuple(event.split(".")[1:])
        for event, _ in cli_service("lambda").hooks
        if event.startswith("process-cli-arg.") and len(event.split(".")) == 3 and "*" not in event
    }
    ours = set()
    for entry in table.ZIP_ARCHIVES:
        service = load(entry.service)
        operation = next(op for op in service.operations if op.name == entry.operation)
        assert entry.member in {member.name for member in service.shapes[operation.input].members}, entry
        ours.add((service.cli_name, operation.cli_name))
    assert hooked == ours


@pytest.fixture(scope="module")
def trees(tmp_path_factory) -> dict[str, str]:
    lines = [line for lines in CASES.values() for line in lines] + _one_member_lines()
    cases = [Case(line, "test", FILES) for line in lines]
    return generate_for(cases, tmp_path_factory.mktemp("customised") / "customised_tree")


@pytest.mark.parametrize("line", [line for lines in CASES.values() for line in lines] + _one_member_lines())
def test_customised_command_lines_agree_with_awscli(line, trees):
    case = Case(line, "test", FILES)
    service = load(model_name(case.service))
    operation = next(op for op in service.operations if op.cli_name == case.operation)
    assert difference(case, trees[service.name], operation) is None
