"""briefgen: turn a week's reading into faithful, cited policy briefs."""

__version__ = "0.1.0"
