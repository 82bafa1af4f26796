"""Command lines that each of the AWS CLI's argument customisations changes, with the
errors around them, and the files they read: the corpus that ``tests/test_customisations.py``
runs against awscli and ``tests/test_customisations_v2.py`` against aws2."""

import json

from generator.pipeline.service import load

#: The files the command lines below read: an empty zip archive and a file that is not one.
FILES: dict[str, str | bytes] = {
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
CASES: dict[str, tuple[str, ...]] = {
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
