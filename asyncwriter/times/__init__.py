"""Time knowledge with no opinion about messages: zone words, and time expressions in prose.

Settings validate zones with it, the readiness chips show deadlines in a reader's zone with
it, and the checks find deadlines with it, so it sits below all three and imports nothing
else from AsyncWriter.
"""
