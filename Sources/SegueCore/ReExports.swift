// The value types and formats that the CLI and the server use with the facade.
@_exported import DJModel
@_exported import PlaylistFormats
@_exported import SetGraph
@_exported import Recommender
