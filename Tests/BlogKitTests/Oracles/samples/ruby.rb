# frozen_string_literal: true

# A small CLI for tagging Markdown notes, from "Ruby for shell scripting".
require "optparse"
require "set"
require "yaml"

module Notes
  VERSION = "0.4.1"
  DEFAULT_DIR = File.expand_path("~/notes")
  FRONT_MATTER = /\A---\s*\n(.*?)\n---\s*\n/m

  class Error < StandardError; end

  # A single note file.
  class Note
    include Comparable
    attr_reader :path, :title, :tags

    def initialize(path)
      @path = path
      raw = File.read(path, encoding: "UTF-8")
      meta = raw[FRONT_MATTER, 1]
      data = meta ? YAML.safe_load(meta, permitted_classes: [Date]) : {}
      @title = data.fetch("title") { File.basename(path, ".md") }
      @tags = Set.new(Array(data["tags"]).map(&:to_s))
    end

    def <=>(other) = title.casecmp(other.title)

    def tagged?(*wanted)
      wanted.all? { |t| tags.include?(t) }
    end

    def to_s
      "#{title.ljust(40)} [#{tags.to_a.sort.join(', ')}]"
    end
  end

  class CLI
    def self.run(argv) = new.run(argv)

    def run(argv)
      options = { dir: DEFAULT_DIR, limit: 0x10, verbose: false }
      OptionParser.new do |opts|
        opts.banner = "Usage: notes [options] TAG..."
        opts.on("-d", "--dir DIR", "Notes directory") { |d| options[:dir] = d }
        opts.on("-n", "--limit N", Integer) { |n| options[:limit] = n }
        opts.on("-v", "--[no-]verbose") { |v| options[:verbose] = v }
        opts.on_tail("--version") { puts VERSION; exit }
      end.parse!(argv)

      raise Error, "no such directory: #{options[:dir]}" unless Dir.exist?(options[:dir])

      notes = Dir.glob(File.join(options[:dir], "**", "*.md")).map { Note.new(_1) }
      matches = notes.select { |n| n.tagged?(*argv) }.sort.first(options[:limit])
      warn "scanned #{notes.size} notes" if options[:verbose]
      matches.each_with_index { |note, i| printf("%3d. %s\n", i + 1, note) }
      matches.empty? ? 1 : 0
    rescue Error, OptionParser::ParseError => e
      $stderr.puts "notes: #{e.message}"
      2
    end
  end
end

=begin
Heredocs, symbols and a few literals, kept here for the syntax tour.
=end
HELP = <<~TEXT
  Tags are read from YAML front matter:
    tags: [ruby, cli]
  Tip: combine tags to narrow results.
TEXT

ratio = 3.5e-2 * 1_000
mask = 0b1111_0000 | 0o17
pairs = %w[alpha beta gamma].zip(%i[a b c])
single = 'no #{interpolation} here\n'
lookup = { status: :ok, code: 200, "ratio" => ratio.round(2) }
pattern = %r{^/notes/(?<slug>[\w-]+)$}

case lookup
in { status: :ok, code: Integer => code }
  puts "ok #{code}"
else
  puts "unexpected: #{lookup.inspect}"
end

exit Notes::CLI.run(ARGV) if $PROGRAM_NAME == __FILE__
