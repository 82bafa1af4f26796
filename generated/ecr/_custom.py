"""The AWS CLI's own options on some commands, turned into request members as it does.

The generator's table of them is ``generator/clirules/customisations.py``; an
operation module lists the ones it has (``Operation.customs``, with
``value_flags`` and ``bare_words``), and each kind of option is one transform
here. Each transform sees the values of its options that were given, in the
table's order, and changes ``params`` in place; model options given alongside
are refused where the CLI refuses them.
"""

import random
import time
from decimal import Decimal, InvalidOperation

from ._cli import CliError, ParamError, ValidationError, custom_dest, negative_dest
from ._paramfile import ParamFileError, load_paramfile

# For the type checker only (importing typing costs every command).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable

    from ._cli import Operation

    #: (option, target member, part, value) of each given option of one transform.
    Given = list[tuple[str, str, str, Any]]
    Params = dict[str, Any]


def apply(operation: "Operation", values: "dict[str, Any]", params: "Params") -> None:
    """The value flags' negative forms, then each transform with its given options."""
    for option, member, _, _ in operation.arguments:
        if member in operation.value_flags and values.get(negative_dest(member)) is False:
            negative = "--no-" + option[2:]
            if member in params:
                raise ValidationError(
                    f'Cannot specify both the "{option}" option and the "{negative}" option.'
                )
            params[member] = {"Value": False}
    given: "dict[str, Given]" = {}
    for option, kind, target, part, takes, needed in operation.customs:
        value = values.get(custom_dest(option))
        if value is None:
            # A required blob is put in its structure even when missing (only
            # --cli-input-json lifts the requirement): the CLI's value wins.
            if needed and kind == "nested-blob" or kind == "zip-file":
                given.setdefault(kind, []).append((option, target, part, None))
            continue
        if takes in ("one", "blob", "boolean-word"):
            value = _text(option, value)
        if takes == "boolean-word":
            value = value.lower() != "false"
        given.setdefault(kind, []).append((option, target, part, value))
    for kind, options in given.items():
        if kind == "nested-member":
            _nested_member(operation, params, options)
        elif kind == "index-field-option":
            _index_field_option(operation, params, options)
        else:
            TRANSFORMS[kind](params, options)


def _text(option: str, value: str) -> "str | bytes":
    """A word, or the text of the ``file://`` it names, as for a member's value."""
    try:
        loaded = load_paramfile(value, remote=True)
    except ParamFileError as exc:
        raise ParamError(option, str(exc)) from None
    return value if loaded is None else loaded


def _count(params: "Params", options: "Given") -> None:
    """ec2 run-instances ``--count N`` or ``--count MIN:MAX``."""
    for _, minimum, maximum, value in options:
        words = value.split(":")
        try:
            if len(words) > 2:
                raise ValueError(value)
            low = int(words[0])
            high = int(words[1]) if len(words) == 2 else low
        except ValueError:
            raise CliError("count parameter should be of form min[:max] (e.g. 1 or 1:10)") from None
        params[minimum], params[maximum] = low, high


_PROTOCOLS = ("tcp", "udp", "icmp", "all")


def _ip_permission(params: "Params", options: "Given") -> None:
    """ec2's security group rules as ``--protocol``, ``--port``, ``--cidr``,
    ``--source-group`` and ``--group-owner``: one permission."""
    target = options[0][1]
    if target in params:
        raise ValidationError(
            f"The {options[0][0]} option is not compatible with the --ip-permissions option"
        )
    permission: "dict[str, Any]" = {}
    pair: "dict[str, Any]" = {}
    for _, _, part, value in options:
        if part == "protocol":
            if value not in _PROTOCOLS:
                try:
                    int(value)
                except ValueError:
                    raise ValidationError(
                        "protocol parameter should be one of: tcp|udp|icmp|all or any valid protocol number."
                    ) from None
            permission["IpProtocol"] = "-1" if value == "all" else value
        elif part == "port":
            permission["FromPort"], permission["ToPort"] = _port_range(value)
        elif part == "cidr":
            permission["IpRanges"] = [{"CidrIp": value}]
        elif part == "source-group":
            pair["GroupId" if value.startswith("sg-") else "GroupName"] = value
        elif part == "group-owner":
            pair["UserId"] = value
    if pair:
        permission["UserIdGroupPairs"] = [pair]
    params[target] = [permission]


def _port_range(value: str) -> "tuple[int, int]":
    if value.strip() == "-1":
        return -1, -1
    words = value.split("-")
    try:
        if len(words) > 2:
            raise ValueError(value)
        low = int(words[0])
        return low, int(words[1]) if len(words) == 2 else low
    except ValueError:
        raise ValidationError(
            "port parameter should be of the form <from[-to]> (e.g. 22 or 22-25)"
        ) from None


def _network_interface(params: "Params", options: "Given") -> None:
    """ec2 run-instances' options for the first network interface."""
    target = options[0][1]
    if target in params:
        raise ValidationError(
            "Mixing the --network-interfaces option with the simple, scalar options is not supported."
        )
    interface: "dict[str, Any]" = {"DeviceIndex": 0}
    for _, _, part, value in options:
        if part == "PrivateIpAddresses":
            value = [{"PrivateIpAddress": address, "Primary": False} for address in value]
        interface[part] = value
    params[target] = [interface]


def _invalidation_paths(params: "Params", options: "Given") -> None:
    """cloudfront create-invalidation ``--paths``: a batch with a caller
    reference made up as the CLI makes one (the time and a random number)."""
    _, target, _, paths = options[0]
    if target in params:
        raise ValidationError(
            'The key "paths" cannot be specified when one of the following keys are also specified: '
            "invalidation_batch"
        )
    reference = f"cli-{int(time.time())}-{random.randint(1, 1000000)}"
    params[target] = {
        "CallerReference": reference,
        "Paths": {"Quantity": len(paths), "Items": list(paths)},
    }


def _zip_file(params: "Params", options: "Given") -> None:
    """lambda's ``--zip-file fileb://code.zip``: the archive's bytes in the code
    member, which may not carry them itself (checked even without the option)."""
    option, target, part, value = options[0]
    if part in params.get(target, {}):
        raise ValidationError(
            f"{part} cannot be provided as part of the --{target.lower()} argument.  "
            f"Please use the '{option}' option instead to specify a zip file."
        )
    if value is None:
        return
    check_zip_archive(option, value)
    params[target] = {**params.get(target, {}), part: value}


def check_zip_archive(option: str, value: "Any") -> None:
    """The CLI's refusal of a ``--zip-file`` value that is not a zip archive's
    bytes (text, or a file read with ``file://``)."""
    import io
    import zipfile

    data = value if isinstance(value, bytes) else str(value).encode("utf-8")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            archive.infolist()
    except zipfile.BadZipFile:
        raise ValidationError(
            f"{option} must be a zip file with the fileb:// prefix.\n"
            f"Example usage:  {option} fileb://path/to/file.zip"
        ) from None


def _conflict(params: "Params", target: str, option: str) -> None:
    """The CLI's refusal of its own option next to the model's member it builds."""
    if target in params:
        model = "".join("_" + c.lower() if c.isupper() else c for c in target).lstrip("_")
        raise ValidationError(
            f'The key "{option[2:].replace("-", "_")}" cannot be specified when one of the following '
            f"keys are also specified: {model}"
        )


def _metric_datum(params: "Params", options: "Given") -> None:
    """cloudwatch put-metric-data's options for one datum."""
    _, target, _, _ = options[0]
    _conflict(params, target, options[0][0])
    datum: "dict[str, Any]" = {}
    try:
        for _, _, part, value in options:
            if part == "Value":
                datum[part] = Decimal(value)
            elif part == "Dimensions":
                datum[part] = [
                    dict(zip(("Name", "Value"), _pair(item))) for item in value.split(",")
                ]
            elif part == "StatisticValues":
                datum[part] = {key: Decimal(number) for key, number in map(_pair, value.split(","))}
            elif part == "StorageResolution":
                datum[part] = int(value)
            else:
                datum[part] = value
    except (ValueError, InvalidOperation) as exc:
        raise CliError(str(exc)) from None
    params[target] = [datum]


def _pair(item: str) -> "tuple[str, str]":
    """``key=value``, failing as tuple unpacking fails."""
    key, value = item.split("=")
    return key, value


def _email(params: "Params", options: "Given") -> None:
    """ses send-email's ``--to``, ``--cc``, ``--bcc``, ``--subject``, ``--text`` and ``--html``."""
    for target in dict.fromkeys(target for _, target, _, _ in options):
        given = [(option, part, value) for option, name, part, value in options if name == target]
        _conflict(params, target, given[0][0])
        built: "dict[str, Any]" = {"Body": {}} if target == "Message" else {}
        for _, part, value in given:
            if target == "Destination":
                built[part] = list(value)
            elif part == "Subject":
                built[part] = {"Data": value}
            else:
                built["Body"][part] = {"Data": value}
        params[target] = built


_STATE_FILTERS = {
    "--active": ["STARTING", "BOOTSTRAPPING", "RUNNING", "WAITING", "TERMINATING"],
    "--terminated": ["TERMINATED"],
    "--failed": ["TERMINATED_WITH_ERRORS"],
}


def _cluster_filter(params: "Params", options: "Given") -> None:
    """emr list-clusters: one state filter of four, and the creation times as typed."""
    states = [option for option, _, part, _ in options if part == "ClusterStates"]
    if len(states) > 1:
        filters = (
            "You can specify only one of the cluster state filters: "
            "--cluster-states, --active, --terminated, --failed."
        )
        raise ValidationError("aws: error: " + filters, v2=filters)
    for option, target, _, value in options:
        params[target] = (
            list(value) if option == "--cluster-states" else _STATE_FILTERS.get(option, value)
        )


def _key_value_tags(params: "Params", options: "Given") -> None:
    """emr add-tags ``--tags key=value ...``: a word without ``=`` is a key with an empty value."""
    _, target, _, words = options[0]
    params[target] = [dict(zip(("Key", "Value"), (*word.split("=", 1), "")[:2])) for word in words]


def _distribution(params: "Params", options: "Given") -> None:
    """cloudfront create-distribution ``--origin-domain-name`` and
    ``--default-root-object``: a whole configuration with the CLI's defaults,
    its caller reference and origin id made up as the CLI makes them."""
    _, target, _, _ = options[0]
    _conflict(params, target, options[0][0])
    given = {part: value for _, _, part, value in options}
    stamp = int(time.time())
    behaviour = {
        "TargetOriginId": "placeholder",
        "ForwardedValues": {"QueryString": False, "Cookies": {"Forward": "none"}},
        "TrustedSigners": {"Enabled": False, "Quantity": 0},
        "ViewerProtocolPolicy": "allow-all",
        "MinTTL": 0,
    }
    config: "dict[str, Any]" = {
        "CallerReference": f"cli-{stamp}-{random.randint(1, 1000000)}",
        "Origins": {"Quantity": 0, "Items": []},
        "DefaultCacheBehavior": behaviour,
        "Enabled": True,
        "Comment": "",
    }
    domain = given.get("OriginDomainName")
    if domain is not None:
        origin = {
            "Id": f"{domain}-{stamp}-{random.randint(1, 1000000)}",
            "DomainName": domain,
            "OriginPath": "",
        }
        if domain.endswith(".s3.amazonaws.com"):
            origin["S3OriginConfig"] = {"OriginAccessIdentity": ""}
        else:
            origin["CustomOriginConfig"] = {
                "HTTPPort": 80,
                "HTTPSPort": 443,
                "OriginProtocolPolicy": "http-only",
            }
        config["Origins"] = {"Quantity": 1, "Items": [origin]}
        behaviour["TargetOriginId"] = origin["Id"]
    if "DefaultRootObject" in given:
        config["DefaultRootObject"] = given["DefaultRootObject"]
    params[target] = config


def _nested_blob(params: "Params", options: "Given") -> None:
    """A blob inside a structure member (rekognition's ``--image-bytes``): the
    bytes of ``fileb://``, else the text as given, merged into the member."""
    for _, target, part, value in options:
        params[target] = {**params.get(target, {}), part: value}


#: Revision kind -> (the member it fills, its keys, the keys it needs, how to say so).
_REVISIONS = {
    "S3": (
        "s3Location",
        ("bucket", "key", "bundleType", "eTag", "version"),
        3,
        "bucket, key and bundleType",
    ),
    "GitHub": ("gitHubLocation", ("repository", "commitId"), 2, "repository and commitId"),
}


def _revision_location(params: "Params", options: "Given") -> None:
    """codedeploy's ``--s3-location`` and ``--github-location``: a revision of
    that kind from the keys it knows (JSON or shorthand), the others dropped."""
    for option, target, part, value in options:
        member, keys, needed, wording = _REVISIONS[part]
        if value.lstrip().startswith("{"):
            from ._convert import parse_json

            given = parse_json(option, value)
        else:
            from ._shorthand import ShorthandError, parse_shorthand

            try:
                given = parse_shorthand(value)
            except ShorthandError as exc:
                raise ParamError(option, str(exc)) from None
        if not isinstance(given, dict) or any(key not in given for key in keys[:needed]):
            raise ValidationError(f"{option} must specify {wording}.")
        location = {key: given[key] for key in keys if key in given}
        params[target] = {"revisionType": part, member: location}


def _nested_member(operation: "Operation", params: "Params", options: "Given") -> None:
    """A member of a structure member as its own option (config's
    ``--recording-group``, cloudsearch's ``--name``), read as that member's shape is read."""
    shapes = operation.shapes
    for option, target, part, value in options:
        shape = dict(shapes[_input_member_shape(operation, target)][2])[part]
        params[target] = {
            **params.get(target, {}),
            part: operation._unpack(option, part, shape, value),
        }


def _input_member_shape(operation: "Operation", member: str) -> str:
    """The shape of one of the operation's input members (it has some: options add to them)."""
    assert operation.input_shape is not None
    shape: str = dict(operation.shapes[operation.input_shape][2])[member]
    return shape


#: Field types whose options structure is not named by capitalising the type's
#: words (``int-array``: ``IntArrayOptions``).
_FIELD_TYPE_NAMES = {"latlon": "LatLon"}


def _index_field_option(operation: "Operation", params: "Params", options: "Given") -> None:
    """cloudsearch define-index-field's options of a field type (``--default-value``,
    ``--facet-enabled``, ...): members of the ``<Type>Options`` structure its ``--type``
    names, the default value read as that structure's ``DefaultValue`` is typed."""
    target = options[0][1]
    field = params.get(target)
    if not isinstance(field, dict) or field.get("IndexFieldType") is None:
        raise ValidationError("You must pass the --type option.")
    kind = field["IndexFieldType"]
    name = _FIELD_TYPE_NAMES.get(kind.lower())
    if name is None:
        name = "".join(word.capitalize() for word in kind.split("-"))
    container = name + "Options"
    members = dict(operation.shapes[_input_member_shape(operation, target)][2])
    values = field.setdefault(container, {})
    for _, _, part, value in options:
        if part == "DefaultValue" and container in members:
            typed = operation.shapes[dict(operation.shapes[members[container]][2])[part]][0]
            try:
                value = (
                    int(value)
                    if typed in ("integer", "long")
                    else float(value) if typed == "double" else value
                )
            except ValueError as exc:
                raise CliError(str(exc)) from None
        values[part] = value


def _pipeline(params: "Params", options: "Given") -> None:
    """datapipeline's ``--pipeline-definition`` (a definition file: its objects,
    parameters and values), ``--parameter-objects``, and the parameter values
    inline (``--parameter-values id=value ...``) or as a document
    (``--parameter-values-uri``), turned into the request's three lists."""
    given = {option: value for option, _, _, value in options}
    values: "list[dict[str, Any]] | None" = None
    if "--pipeline-definition" in given:
        definition = _json_document(given["--pipeline-definition"])
        if not isinstance(definition, dict) or "objects" not in definition:
            raise ValidationError('Error in pipeline definition: Missing "objects" key\n')
        params["pipelineObjects"] = [
            _pipeline_object(item, "element") for item in _items(definition["objects"])
        ]
        if "parameters" in definition:
            params["parameterObjects"] = [
                _pipeline_object(item, "parameter") for item in _items(definition["parameters"])
            ]
        if "values" in definition:
            values = _parameter_values(definition["values"])
    if "--parameter-objects" in given:
        document = _json_document(given["--parameter-objects"])
        params["parameterObjects"] = (
            [_pipeline_object(item, "parameter") for item in _items(document["parameters"])]
            if isinstance(document, dict) and "parameters" in document
            else None
        )
    if "--parameter-values-uri" in given:
        # The definition's values count as given inline here.
        if "--parameter-values" in given or values is not None:
            raise ValidationError("Only parameter-values or parameter-values-uri is allowed")
        document = _json_document(given["--parameter-values-uri"])
        found = document.get("values") if isinstance(document, dict) else None
        params["parameterValues"] = None if found is None else _parameter_values(found)
    elif "--parameter-values" in given:
        params["parameterValues"] = _inline_values(
            "--parameter-values", given["--parameter-values"]
        )
    elif values is not None:
        params["parameterValues"] = values


def _json_document(text: str) -> "Any":
    import json

    try:
        return json.loads(text)
    except ValueError as exc:
        raise CliError(str(exc)) from None


def _items(value: "Any") -> "list[Any]":
    if not isinstance(value, list):
        raise CliError("Error in pipeline definition: a list of objects is expected")
    return value


def _pipeline_object(item: "Any", what: str) -> "dict[str, Any]":
    """An object of the definition (``element``) or a parameter: its id (and an
    object's name, its id when missing), then each other key's values, sorted by key."""
    import json

    if not isinstance(item, dict):
        raise CliError(f"Error in pipeline definition: the {what} {json.dumps(item)} is no object")
    if "id" not in item:
        raise ValidationError(
            f'Error in pipeline definition: Missing "id" key of {what}: {json.dumps(item)}\n'
        )
    rest = dict(item)
    built = {"id": rest.pop("id")}
    if what == "element":
        built["name"] = rest.pop("name", built["id"])
    fields = []
    for key in sorted(rest):
        value = rest[key]
        for one in value if isinstance(value, list) else [value]:
            if isinstance(one, dict) and list(one) == ["ref"]:
                fields.append({"key": key, "refValue": one["ref"]})
            else:
                fields.append({"key": key, "stringValue": one})
    built["fields" if what == "element" else "attributes"] = fields
    return built


def _parameter_values(values: "Any") -> "list[dict[str, Any]]":
    """A document's ``values``: each id with its value, or each of its list of values."""
    if not isinstance(values, dict):
        raise CliError("Error in pipeline definition: the values must be an object")
    return [
        {"id": key, "stringValue": one}
        for key, value in values.items()
        for one in (value if isinstance(value, list) else [value])
    ]


def _inline_values(option: str, words: "list[str]") -> "list[dict[str, Any]]":
    """``id=value`` words, the values of one id together (first seen first). One
    word that names a file stands for its text, read a character at a time as the CLI does."""
    items: "list[str] | str" = words
    if len(words) == 1:
        try:
            loaded = load_paramfile(words[0], remote=True)
        except ParamFileError as exc:
            raise ParamError(option, str(exc)) from None
        if isinstance(loaded, bytes):
            raise ValidationError(
                f"Error in parameter: Invalid inline parameter format: {words[0]}\n"
            )
        if loaded is not None:
            items = loaded
    grouped: "dict[str, list[str]]" = {}
    for item in items:
        if "=" not in item:
            raise ValidationError(f"Error in parameter: Invalid inline parameter format: {item}\n")
        key, value = item.split("=", 1)
        grouped.setdefault(key, []).append(value)
    return [{"id": key, "stringValue": value} for key, group in grouped.items() for value in group]


TRANSFORMS: "dict[str, Callable[[Params, Given], None]]" = {
    "pipeline": _pipeline,
    "count": _count,
    "ip-permission": _ip_permission,
    "network-interface": _network_interface,
    "invalidation-paths": _invalidation_paths,
    "zip-file": _zip_file,
    "metric-datum": _metric_datum,
    "email": _email,
    "cluster-filter": _cluster_filter,
    "key-value-tags": _key_value_tags,
    "distribution": _distribution,
    "nested-blob": _nested_blob,
    "revision-location": _revision_location,
}


def bare_words(shapes: "dict[str, Any]", shape: str, value: "Any") -> "list[dict[str, Any]] | None":
    """A list of one-member structures as bare words (``--instances i-1 i-2``),
    or None where the value is JSON, which is read as usual."""
    words = value if isinstance(value, list) else [value]
    if any(isinstance(word, str) and word.lstrip()[:1] in ("[", "{") for word in words):
        return None
    element = shapes[shape][2]
    ((name, _),) = shapes[element][2]
    return [{name: word} for word in words]
