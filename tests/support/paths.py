"""Where the checkout and its committed tree are, and which services the tests generate besides ECR."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
GENERATED = ROOT / "generated"
MODELS = ROOT / "tests" / "fixtures" / "models"
# Other shapes than ECR's: maps, recursive shapes and blobs (dynamodb), blobs
# in and out (kms), tagged unions and nested lists (rds-data,
# verifiedpermissions), the query protocol and timestamps (sts).
OTHER_SERVICES = ("dynamodb", "kms", "rds-data", "verifiedpermissions", "sts")
#: The committed tree's AWS CLI v2 part (``python -m generator`` renders it beside v1's).
GENERATED_V2 = GENERATED / "v2"
