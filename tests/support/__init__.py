"""Test helpers: the oracles (AWS CLI v1 in-process), corpora, generated trees and paths.

Test modules and ``scripts/`` import from here; test modules never import each other.
"""
