"""Paper protocols as data: named builders of PyBaMM experiments."""

from .protocols import PROTOCOLS, Block, Protocol, get_protocol

__all__ = ["PROTOCOLS", "Block", "Protocol", "get_protocol"]
