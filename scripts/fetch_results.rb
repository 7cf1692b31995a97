# Fetches one URL of the task-results API with a PKCS#12 API key, the way the original
# API reference's Ruby example does, and prints the status code and the body.
# Usage: ruby scripts/fetch_results.rb KEY.p12 PASSWORD URL
require 'net/http'
require 'uri'
require 'openssl'
require 'json'

def http_get(path, api_key)
  uri = URI.parse(path)
  http = Net::HTTP.new(uri.host, uri.port)
  http.read_timeout = 300
  http.use_ssl = true
  http.key = api_key.key
  http.cert = api_key.certificate
  http.verify_mode = OpenSSL::SSL::VERIFY_NONE
  http.get(uri.request_uri)
end

key_file, password, url = ARGV
api_key = OpenSSL::PKCS12.new(File.read(key_file), password)
response = http_get(url, api_key)
puts response.code
puts response.body
